import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';

// The sample plan has some forty conflicts: under a loaded machine a render takes a while.
const SLOW_TEST_MS = 30_000;
import { db, loadPlan, repos, resetSamplePlan } from '../../../src/db';
import { analyzeConflicts } from '../../../src/domain/conflicts';
import { ConflictsView } from '../../../src/features/conflicts/ConflictsView';
import { initialConflictsViewState, useConflictsViewStore } from '../../../src/store/conflicts-view-store';
import { initialUiState, useUiStore } from '../../../src/store/ui-store';

beforeEach(async () => {
  await resetSamplePlan(db);
  await db.acceptances.clear();
  useConflictsViewStore.setState(initialConflictsViewState());
  useUiStore.setState({ ...initialUiState(), displayZone: 'Asia/Shanghai' });
});

describe('ConflictsView', () => {
  it(
    'switches tools with the tabs, by click and by arrow keys',
    async () => {
      const user = userEvent.setup();
      render(<ConflictsView />);
      const list = await screen.findByRole('tab', { name: /^Conflict list/ });
      expect(list).toHaveAttribute('aria-selected', 'true');
      list.focus();
      await user.keyboard('{ArrowRight}');
      expect(screen.getByRole('tab', { name: 'What if' })).toHaveAttribute('aria-selected', 'true');
      expect(screen.getByRole('tab', { name: 'What if' })).toHaveFocus();
      expect(screen.getByRole('tabpanel')).toHaveTextContent(/Base plan/);
      await user.keyboard('{End}');
      expect(screen.getByRole('tabpanel', { name: 'Check dates' })).toBeInTheDocument();
      await user.click(screen.getByRole('tab', { name: 'Overlap timeline' }));
      expect(screen.getByRole('group', { name: /^Overlap timeline, / })).toBeInTheDocument();
    },
    SLOW_TEST_MS,
  );

  it(
    "checks 28 Oct – 2 Nov 2025 and finds the APEC leaders' meeting; events open the editor, legs show their details",
    async () => {
      const user = userEvent.setup();
      useConflictsViewStore.setState({ panel: 'check' });
      render(<ConflictsView />);
      await user.selectOptions(await screen.findByLabelText('Take the dates of'), '');
      fireEvent.change(screen.getByLabelText('First day'), { target: { value: '2025-10-28' } });
      fireEvent.change(screen.getByLabelText('Last day'), { target: { value: '2025-11-02' } });
      const overlaps = screen.getByRole('region', { name: /^Overlaps/ });
      await user.click(within(overlaps).getByRole('button', { name: "32nd APEC Economic Leaders' Meeting, Gyeongju" }));
      expect(useUiStore.getState().editor).toEqual({ mode: 'edit', type: 'event', id: 'apec-leaders-2025' });
      await user.click(within(overlaps).getByRole('button', { name: 'Beijing South → Shanghai Hongqiao' }));
      const details = screen.getByRole('dialog', { name: 'Beijing South → Shanghai Hongqiao' });
      expect(details).toHaveTextContent('rail leg (optional)');
      expect(details).toHaveTextContent('Tue 28 Oct 2025, 09:00–13:18 CST (China)');
      expect(within(details).getByRole('link', { name: /Report\.az/ })).toHaveAttribute(
        'href',
        expect.stringMatching(/^https:\/\//),
      );
      await user.click(within(details).getByRole('button', { name: 'Close' }));
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    },
    SLOW_TEST_MS,
  );

  it(
    'lists the rail-leg conflict only while optional legs are included, and explains it',
    async () => {
      render(<ConflictsView />);
      const open = await screen.findByRole('region', { name: /^Open/ });
      const card = await within(open).findByRole('article', { name: 'Leg departs from the wrong place' });
      expect(card).toHaveTextContent(/only with Beijing South → Shanghai Hongqiao/);
      expect(card).toHaveTextContent('Warning');
      expect(within(card).getByRole('button', { name: /^Beijing South → Shanghai Hongqiao/ })).toBeInTheDocument();
      act(() => useUiStore.getState().setIncludeOptional(false));
      expect(
        within(screen.getByRole('region', { name: /^Open/ })).queryByRole('article', {
          name: 'Leg departs from the wrong place',
        }),
      ).not.toBeInTheDocument();
      expect(screen.getByText(/Optional items are left out/)).toBeInTheDocument();
    },
    SLOW_TEST_MS,
  );

  it(
    'says what the rail leg adds in the what-if',
    async () => {
      useConflictsViewStore.setState({ panel: 'what-if' });
      render(<ConflictsView />);
      const heading = await screen.findByRole('heading', {
        name: /^Including the Beijing South → Shanghai Hongqiao rail leg \(Tue 28 Oct 2025\) adds 1 warning/,
      });
      const section = heading.closest('section')!;
      expect(within(section).getByText('Leg departs from the wrong place')).toBeInTheDocument();
    },
    SLOW_TEST_MS,
  );

  it(
    'accepts a conflict with a note into the database, and reopens it when its item is written',
    async () => {
      const user = userEvent.setup();
      render(<ConflictsView />);
      const open = await screen.findByRole('region', { name: /^Open/ });
      const night = await within(open).findByRole('article', { name: 'At night locally' });
      await user.click(within(night).getByRole('button', { name: 'Accept…' }));
      await user.type(screen.getByLabelText(/Why is it acceptable/), 'Xi takes late calls.');
      await user.click(screen.getByRole('button', { name: 'Accept' }));
      const accepted = screen.getByRole('region', { name: /^Accepted/ });
      await within(accepted).findByRole('article', { name: 'At night locally' });
      const [row] = await db.acceptances.toArray();
      expect(row).toMatchObject({ id: 'local-hours:event:trump-xi-call-2025-11-24', note: 'Xi takes late calls.' });

      const call = (await repos.events.get('trump-xi-call-2025-11-24'))!;
      await act(() =>
        repos.events.put({ ...call, startsAt: '2025-11-24T14:10:00.000Z', endsAt: '2025-11-24T15:10:00.000Z' }),
      );
      const reopened = await within(screen.getByRole('region', { name: /^Open/ })).findByRole('article', {
        name: 'At night locally',
      });
      expect(reopened).toHaveTextContent(
        'Reopened because “Trump–Xi phone call: April visit accepted, Xi invited to the US” changed since.',
      );
      expect(within(screen.getByRole('region', { name: /^Accepted/ })).queryByRole('article')).not.toBeInTheDocument();
    },
    SLOW_TEST_MS,
  );

  it(
    'says so when the overlaps are too many to list, with how many there are; and nothing when they are not',
    async () => {
      const { unmount } = render(<ConflictsView />);
      await screen.findByRole('tab', { name: /^Conflict list/ });
      expect(screen.queryByRole('note')).toBeNull();
      unmount();
      // 150 events at one time, no one in them: 11,175 overlapping pairs, past the cap of 10,000.
      const template = (await repos.events.get('trump-xi-call-2025-11-24'))!;
      const crowd = Array.from({ length: 150 }, (_, k) => ({
        ...template,
        id: `crowd-${k}`,
        participantIds: [],
        startsAt: new Date(Date.parse('2030-01-01T00:00:00.000Z') + k * 60_000).toISOString(),
        endsAt: '2030-01-01T06:00:00.000Z',
      }));
      await db.events.bulkPut(crowd as never);
      const { includeOptional } = useUiStore.getState();
      const total = analyzeConflicts(await loadPlan(db), { includeOptional }).overlapPairsTotal;
      expect(total).toBeGreaterThan(11_175);
      render(<ConflictsView />);
      const note = await screen.findByRole('note');
      expect(note).toHaveTextContent(
        `Only the first 10,000 of ${total.toLocaleString('en')} overlaps are listed. The list, its counts and its filters cover only those listed.`,
      );
    },
    SLOW_TEST_MS,
  );
});
