import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/db';
import { resetSamplePlan } from '../../../src/db/seed';
import { localToInstant } from '../../../src/domain/time/time';
import { PlanningPanel, type PlanningTab } from '../../../src/features/finder/PlanningPanel';
import { initialUiState, useUiStore } from '../../../src/store/ui-store';
import { useUndoStore } from '../../../src/store/undo-store';

const NY = 'America/New_York';

beforeAll(async () => {
  await db.open();
});
afterAll(() => db.close());
beforeEach(async () => {
  await resetSamplePlan(db);
  useUiStore.setState(initialUiState());
  useUndoStore.getState().dismiss();
});

function Harness({ initial = 'dates' as PlanningTab, onClose = () => {} }) {
  const [tab, setTab] = useState<PlanningTab>(initial);
  return <PlanningPanel tab={tab} onTab={setTab} onClose={onClose} />;
}

async function askForTheXiVisit(user: ReturnType<typeof userEvent.setup>) {
  const dialog = await screen.findByRole('dialog', { name: 'Dates and scenarios' });
  const visit = await within(dialog).findByLabelText('Visit');
  await user.selectOptions(visit, 'xi-us-2026');
  const to = within(dialog).getByLabelText('to');
  await user.clear(to);
  await user.type(to, '2026-10-31');
  await user.click(within(dialog).getByRole('button', { name: 'Find dates' }));
  await waitFor(() => expect(dialog.querySelectorAll('.candidate').length).toBeGreaterThan(0));
  return dialog;
}

describe('dates and scenarios panel', () => {
  it('moves the Xi visit to proposed August dates, with reasons, and undoes the move', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const dialog = await askForTheXiVisit(user);
    expect(within(dialog).getByLabelText('Host place')).toHaveValue('washington');
    expect(within(dialog).getByLabelText('Days at the host')).toHaveValue(3);
    const candidates = dialog.querySelectorAll('.candidate');
    expect(candidates.length).toBeGreaterThan(3);
    expect(candidates[0]!.querySelector('h4')!.textContent).toBe('1. Mon 3 – Wed 5 Aug 2026');
    expect(candidates[0]!.textContent).toContain('Inside Xi return visit');
    expect(candidates[0]!.textContent).toContain(
      'Clear of UNGA 81 general debate, New York (starts Tue 22 Sep, 48 days after)',
    );
    expect(within(dialog).getByText(/on National Day Golden Week \(China\) \(a blackout\)/)).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Move the visit to Mon 10 – Wed 12 Aug 2026' }));
    await waitFor(async () =>
      expect((await db.events.get('xi-visit-talks'))!.startsAt).toBe(localToInstant('2026-08-11T10:00', NY)),
    );
    expect((await db.legs.get('xi-leg-out'))!.departsAt).toBe(localToInstant('2026-08-10T12:30', 'Asia/Shanghai'));
    const { message, undo } = useUndoStore.getState();
    expect(message).toBe('Moved "Xi state visit to the United States" to Mon 10 – Wed 12 Aug 2026.');
    await undo!();
    expect((await db.events.get('xi-visit-talks'))!.startsAt).toBe(localToInstant('2026-09-25T10:00', NY));
  });

  it('explains a request it cannot search, in plain words', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const dialog = await screen.findByRole('dialog', { name: 'Dates and scenarios' });
    await user.click(await within(dialog).findByRole('button', { name: 'Find dates' }));
    expect(await within(dialog).findByText('Choose at least one participant.')).toBeInTheDocument();
    expect(within(dialog).getByText('Choose the host place or a time zone.')).toBeInTheDocument();
  });

  it('switches tabs with the arrow keys and closes on Escape', async () => {
    const user = userEvent.setup();
    let closed = 0;
    render(<Harness onClose={() => (closed += 1)} />);
    const dates = await screen.findByRole('tab', { name: 'Find dates' });
    await waitFor(() => expect(dates).toHaveFocus());
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Scenarios' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: 'Scenarios' })).toHaveFocus();
    await screen.findByRole('heading', { name: 'Compare side by side' });
    await user.keyboard('{Escape}');
    expect(closed).toBe(1);
  });

  it('compares the two Xi scenarios side by side and promotes one, undoably', async () => {
    const user = userEvent.setup();
    render(<Harness initial="scenarios" />);
    const table = await screen.findByRole('table', { name: /compared with/ });
    const row = within(table).getByRole('row', { name: /Xi state visit to the United States/ });
    expect(row).toHaveTextContent('Thu 24 Sep 2026 – Sun 27 Sep 2026');
    expect(row).toHaveTextContent('Wed 12 Aug 2026 – Sat 15 Aug 2026');
    expect(within(table).getByRole('row', { name: /Legs travelled/ })).toHaveTextContent('same');

    await user.selectOptions(screen.getByLabelText('Scenario'), 'xi-visit-mid-august');
    await user.click(screen.getByRole('button', { name: 'Make this the plan…' }));
    const confirm = await screen.findByRole('dialog', { name: 'Make "Xi visit: mid-August" the plan?' });
    await user.click(within(confirm).getByRole('button', { name: 'Make it the plan' }));
    await waitFor(async () =>
      expect((await db.events.get('xi-visit-talks'))!.startsAt).toBe(localToInstant('2026-08-13T10:00', NY)),
    );
    expect(useUndoStore.getState().message).toBe(
      '"Xi visit: mid-August" is now the plan: 4 items moved, 0 optional taken in, 2 optional cancelled.',
    );
    await useUndoStore.getState().undo!();
    expect((await db.events.get('xi-visit-talks'))!.startsAt).toBe(localToInstant('2026-09-25T10:00', NY));
    expect((await db.legs.get('draft-leg-rail'))!.status).toBe('proposed');
  });

  it('creates, renames and deletes a scenario, and moves a visit inside it', async () => {
    const user = userEvent.setup();
    render(<Harness initial="scenarios" />);
    await user.click(await screen.findByRole('button', { name: 'New scenario' }));
    await waitFor(async () => expect(await db.scenarios.count()).toBe(3));
    await waitFor(() => expect(screen.getByLabelText('Name')).toHaveValue('Scenario 3'));
    const name = screen.getByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'Xi visit: early October');
    await user.click(screen.getByRole('button', { name: 'Save name and notes' }));
    await waitFor(async () =>
      expect((await db.scenarios.toArray()).map((s) => s.name)).toContain('Xi visit: early October'),
    );

    await user.selectOptions(screen.getByLabelText('Move a visit in this scenario'), 'xi-us-2026');
    const first = screen.getByLabelText('First day at the host');
    await user.clear(first);
    await user.type(first, '2026-10-13');
    await user.click(screen.getByRole('button', { name: 'Move by +19 days' }));
    await waitFor(async () => {
      const s = (await db.scenarios.toArray()).find((x) => x.name === 'Xi visit: early October')!;
      expect(s.overrides.find((o) => o.itemId === 'xi-visit-talks')?.startsAt).toBe(
        localToInstant('2026-10-14T10:00', NY),
      );
    });

    await user.click(screen.getByRole('button', { name: 'Delete scenario' }));
    await waitFor(async () => expect(await db.scenarios.count()).toBe(2));
    await useUndoStore.getState().undo!();
    expect(await db.scenarios.count()).toBe(3);
  });
});
