import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db, repos } from '../../../src/db';
import { installFaults, type FaultControl } from '../../../src/db/faults';
import { createRepositories } from '../../../src/db/repositories';
import { resetSamplePlan } from '../../../src/db/seed';
import { EditorDialog } from '../../../src/features/editor/EditorDialog';
import { initialUiState, useUiStore } from '../../../src/store/ui-store';

let faults: FaultControl;
beforeAll(async () => {
  faults = installFaults(db);
  await db.open();
});
afterAll(() => db.close());
beforeEach(async () => {
  faults.failWrites = null;
  await resetSamplePlan(db);
  useUiStore.setState(initialUiState());
});

/**
 * The title is pasted, not typed key by key: each keystroke re-renders the whole editor, which in
 * jsdom on a busy machine costs 100 ms or more, and these tests are about saving, not typing.
 */
async function openBusan() {
  render(<EditorDialog />);
  act(() => useUiStore.getState().openEditor({ mode: 'edit', type: 'event', id: 'busan-summit-2025' }));
  const title = await screen.findByLabelText('Title');
  return title as HTMLInputElement;
}

describe('editor: saves that fail keep the edit', () => {
  it('refuses a save made from a revision another tab has replaced, keeps the edit, and saves on the second try', async () => {
    const user = userEvent.setup({ delay: null });
    const title = await openBusan();
    await user.clear(title);
    await user.paste('Mine');
    const otherTab = createRepositories(db);
    const stored = await otherTab.events.get('busan-summit-2025');
    await otherTab.events.put({ ...stored, title: 'Theirs' });

    await user.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'This item was changed in another tab or window; your edit is kept — review and save again, or discard.',
    );
    expect(alert).toHaveTextContent('Saved there now: “Theirs”');
    expect(within(alert).getByRole('button', { name: 'Download a backup with this edit' })).toBeInTheDocument();
    expect(title).toHaveValue('Mine');
    expect((await repos.events.get('busan-summit-2025'))?.title).toBe('Theirs');

    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(useUiStore.getState().editor).toBeNull());
    expect((await repos.events.get('busan-summit-2025'))?.title).toBe('Mine');
  });

  it('discarding after a stale refusal shows the other tab’s version', async () => {
    const user = userEvent.setup({ delay: null });
    const title = await openBusan();
    await user.click(title);
    await user.paste(' (mine)');
    const stored = await repos.events.get('busan-summit-2025');
    await createRepositories(db).events.put({ ...stored, title: 'Theirs' });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await user.click(await screen.findByRole('button', { name: 'Discard my edit and show theirs' }));
    expect(screen.getByLabelText('Title')).toHaveValue('Theirs');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('on a quota error says so plainly, keeps the form, offers a backup, and writes nothing', async () => {
    const user = userEvent.setup({ delay: null });
    const title = await openBusan();
    await user.clear(title);
    await user.paste('Renamed on a full disk');
    faults.failWrites = 'quota';
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Not saved: The browser has no more room for Summitry’s data (storage quota exceeded).',
    );
    expect(alert).toHaveTextContent('Nothing was written, and your edit is still here in the form.');
    expect(screen.getByRole('button', { name: 'Download a backup with this edit' })).toBeInTheDocument();
    expect(title).toHaveValue('Renamed on a full disk');
    expect(useUiStore.getState().editor).not.toBeNull();
    faults.failWrites = null;
    expect((await repos.events.get('busan-summit-2025'))?.title).toBe('Trump–Xi summit, Busan');
  });
});
