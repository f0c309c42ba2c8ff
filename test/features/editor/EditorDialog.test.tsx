import { act, configure, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { Toast } from '../../../src/app/Toast';
import { db, repos } from '../../../src/db';
import type { Place, PlanEvent } from '../../../src/domain/model/model';
import { localToInstant } from '../../../src/domain/time/time';
import { EditorDialog } from '../../../src/features/editor/EditorDialog';
import { initialUiState, useUiStore } from '../../../src/store/ui-store';
import { useUndoStore } from '../../../src/store/undo-store';
import { enterDateTime, shownDateTime } from '../../helpers/date-time';
import { makeEvent } from '../../helpers/factories';

const busan: Place = {
  id: 'pus',
  name: 'Busan',
  country: 'South Korea',
  lat: 35.18,
  lon: 128.94,
  timeZone: 'Asia/Seoul',
  kind: 'airport',
} as Place;
const summit = () =>
  makeEvent({
    id: 'busan-summit' as PlanEvent['id'],
    title: 'Trump–Xi summit, Busan',
    kind: 'summit',
    timeZone: 'Asia/Seoul',
    placeId: 'pus' as Place['id'],
    startsAt: localToInstant('2025-10-30T11:00', 'Asia/Seoul'),
    endsAt: localToInstant('2025-10-30T12:40', 'Asia/Seoul'),
  });

function renderEditor() {
  const user = userEvent.setup({ delay: null });
  render(
    <>
      <EditorDialog />
      <Toast />
    </>,
  );
  return user;
}

// Two shared cores and a real (fake-indexeddb) database: give reads time.
configure({ asyncUtilTimeout: 5000 });

const open = (target: Parameters<ReturnType<typeof useUiStore.getState>['openEditor']>[0]) =>
  act(() => useUiStore.getState().openEditor(target));

beforeEach(async () => {
  await db.open();
  await Promise.all(db.tables.map((t) => t.clear()));
  await repos.places.put(busan);
  useUiStore.setState({ ...initialUiState(), displayZone: 'America/New_York' });
  useUndoStore.getState().dismiss();
});

describe('EditorDialog', () => {
  it('creates an all-day item from a selection of days (its end is the day after the last)', async () => {
    const user = renderEditor();
    open({
      mode: 'new',
      startsAt: localToInstant('2025-10-14T00:00', 'America/New_York'),
      endsAt: localToInstant('2025-10-16T00:00', 'America/New_York'),
      allDay: true,
    });
    const dialog = await screen.findByRole('dialog', { name: 'New item' });
    expect(screen.getByLabelText('First day')).toHaveValue('2025-10-14');
    expect(screen.getByLabelText('Last day')).toHaveValue('2025-10-15');
    await user.type(screen.getByLabelText('Title'), 'Sherpa talks');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    const [saved] = await repos.events.all();
    expect(saved).toMatchObject({
      title: 'Sherpa talks',
      allDay: true,
      startDate: '2025-10-14',
      endDate: '2025-10-15',
      timeZone: 'America/New_York',
    });
    expect(await screen.findByText('Saved "Sherpa talks".')).toBeInTheDocument();
  });

  it('explains an end before the start in plain words, keeps the form and writes nothing', async () => {
    const user = renderEditor();
    open({ mode: 'new' });
    await screen.findByRole('dialog', { name: 'New item' });
    await user.type(screen.getByLabelText('Title'), 'Backwards');
    enterDateTime('Start', '2025-10-29T09:00');
    enterDateTime('End', '2025-10-29T08:00');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('The end must be after the start.')).toBeInTheDocument();
    expect(screen.getByLabelText('End time')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Title')).toHaveValue('Backwards');
    expect(await repos.events.count()).toBe(0);
  });

  it('asks for a title and a start and end before saving', async () => {
    const user = renderEditor();
    open({ mode: 'new' });
    await screen.findByRole('dialog', { name: 'New item' });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Give the item a title.')).toBeInTheDocument();
    expect(screen.getByText('Give a start.')).toBeInTheDocument();
    expect(screen.getByText('Give an end.')).toBeInTheDocument();
  });

  it('when the store refuses a save, says why and keeps everything typed', async () => {
    const user = renderEditor();
    open({ mode: 'new' });
    await screen.findByRole('dialog', { name: 'New item' });
    await user.type(screen.getByLabelText('Title'), 'Call with a bad link');
    enterDateTime('Start', '2025-10-29T09:00');
    enterDateTime('End', '2025-10-29T10:00');
    await user.type(screen.getByLabelText(/^Sources/), 'A source | javascript:alert(1)');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Not saved: Event "Call with a bad link": sources.0.url must be an absolute web address such as https://example.org/page, or a mailto: address',
    );
    expect(screen.getByRole('dialog', { name: 'New item' })).toBeInTheDocument();
    expect(screen.getByLabelText('Title')).toHaveValue('Call with a bad link');
    expect(await repos.events.count()).toBe(0);
  });

  it('shows the local time at the place and in the display zone', async () => {
    await repos.events.put(summit());
    renderEditor();
    open({ mode: 'edit', type: 'event', id: 'busan-summit' });
    await screen.findByRole('dialog', { name: 'Edit Trump–Xi summit, Busan' });
    expect(shownDateTime('Start')).toBe('2025-10-30T11:00');
    const local = await screen.findByText('Local time in Busan (Asia/Seoul)');
    expect(local.nextElementSibling).toHaveTextContent('Thu 30 Oct 2025, 11:00–12:40 KST');
    expect(screen.getByText('In your display zone (America/New York)').nextElementSibling).toHaveTextContent(
      'Wed 29 Oct 2025, 22:00–23:40 EDT',
    );
  });

  it('moves an item by a day with the keyboard, keeping its zone and length', async () => {
    await repos.events.put(summit());
    const user = renderEditor();
    open({ mode: 'edit', type: 'event', id: 'busan-summit' });
    await screen.findByRole('dialog', { name: 'Edit Trump–Xi summit, Busan' });
    screen.getByRole('button', { name: '1 day later' }).focus();
    await user.keyboard('{Enter}');
    expect(shownDateTime('Start')).toBe('2025-10-31T11:00');
    expect(shownDateTime('End')).toBe('2025-10-31T12:40');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () =>
      expect((await repos.events.get('busan-summit'))!.startsAt).toBe(localToInstant('2025-10-31T11:00', 'Asia/Seoul')),
    );
    expect((await repos.events.get('busan-summit'))!.timeZone).toBe('Asia/Seoul');
  });

  it('deletes an item and brings it back with Undo', async () => {
    const stored = await repos.events.put(summit());
    const user = renderEditor();
    open({ mode: 'edit', type: 'event', id: 'busan-summit' });
    await screen.findByRole('dialog', { name: 'Edit Trump–Xi summit, Busan' });
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await repos.events.get('busan-summit')).toBeUndefined();
    expect(screen.getByText('Deleted "Trump–Xi summit, Busan".')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(async () =>
      expect(await repos.events.get('busan-summit')).toMatchObject({
        id: stored.id,
        title: stored.title,
        startsAt: stored.startsAt,
      }),
    );
    expect(await screen.findByText("Undone: Deleted 'Trump–Xi summit, Busan'.")).toBeInTheDocument();
  });

  it('says so when the item to edit no longer exists', async () => {
    renderEditor();
    open({ mode: 'edit', type: 'event', id: 'gone' });
    expect(await screen.findByRole('dialog', { name: 'Item not found' })).toHaveTextContent('no longer exists');
  });
});
