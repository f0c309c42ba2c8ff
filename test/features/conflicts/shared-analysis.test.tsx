/**
 * One data layer for the views: with the header badge, the calendar's markers, the route and the
 * conflicts view mounted together, the engine runs once for the plan and once after an edit.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, repos, resetSamplePlan } from '../../../src/db';
import { usePlan } from '../../../src/db/hooks';
import { useSharedConflicts } from '../../../src/db/plan-feed';
import { engineStats } from '../../../src/domain/conflicts';
import { useCalendarConflicts } from '../../../src/features/calendar/use-calendar-conflicts';
import { ConflictsView } from '../../../src/features/conflicts/ConflictsView';
import { useConflictBadge } from '../../../src/features/conflicts/use-conflict-badge';
import { RouteView } from '../../../src/features/route/RouteView';
import { initialConflictsViewState, useConflictsViewStore } from '../../../src/store/conflicts-view-store';
import { initialUiState, useUiStore } from '../../../src/store/ui-store';

const SLOW_TEST_MS = 30_000;

function Badge() {
  const badge = useConflictBadge();
  const plan = usePlan();
  const busan = plan?.events.find((e) => e.id === 'busan-summit-2025');
  return (
    <p>
      badge: {badge?.label ?? 'none'}; busan: {busan?.title ?? '…'}
    </p>
  );
}

function CalendarMarkers() {
  const plan = usePlan();
  const nearby = plan
    ? { events: plan.events, legs: plan.legs, windows: plan.windows, range: { start: '', end: '' } }
    : undefined;
  const conflicts = useCalendarConflicts(nearby);
  return <p>calendar markers: {conflicts.length}</p>;
}

/** Records, for each plan version it renders, how many engine runs that render itself made. */
function RenderProbe({ runsInRender }: { runsInRender: Map<string, number> }) {
  const before = engineStats().runs;
  const shared = useSharedConflicts(false);
  const title = shared?.plan.events.find((e) => e.id === 'busan-summit-2025')?.title;
  if (title && !runsInRender.has(title)) runsInRender.set(title, engineStats().runs - before);
  return <p>probe: {title ?? '…'}</p>;
}

beforeEach(async () => {
  await resetSamplePlan(db);
  await db.acceptances.clear();
  useConflictsViewStore.setState(initialConflictsViewState());
  useUiStore.setState({ ...initialUiState(), displayZone: 'Asia/Shanghai' });
});

describe('the shared analysis', () => {
  it(
    'runs the engine once per plan version with the badge, calendar, route and conflicts view mounted',
    async () => {
      const before = engineStats().runs;
      render(
        <>
          <Badge />
          <CalendarMarkers />
          <RouteView />
          <ConflictsView />
        </>,
      );
      await screen.findByText(/busan: Trump–Xi summit, Busan/);
      await screen.findByRole('tab', { name: /^Conflict list/ });
      await waitFor(() => expect(screen.getByText(/calendar markers: [1-9]/)).toBeInTheDocument());
      expect(screen.getByText(/^badge: /).textContent).toMatch(/badge: \d+ (error|warning)/);
      expect(engineStats().runs - before).toBe(1);
      // The Busan meeting's overlaps are info-level, folded at first: unfold them to see it renamed there.
      fireEvent.click(screen.getByRole('button', { name: /\d+ overlaps, mostly with/, expanded: false }));

      const afterLoad = engineStats().runs;
      const busan = await repos.events.get('busan-summit-2025');
      await repos.events.put({ ...busan, title: 'Busan meeting' }, { expectedRev: busan!.rev });
      await screen.findByText(/busan: Busan meeting/);
      await waitFor(() => expect(screen.getAllByText(/Busan meeting/).length).toBeGreaterThan(1));
      expect(engineStats().runs - afterLoad).toBe(1);
    },
    SLOW_TEST_MS,
  );

  it(
    'analyses a new plan version before the views render it (the render finds the analysis made)',
    async () => {
      const runsInRender = new Map<string, number>();
      render(<RenderProbe runsInRender={runsInRender} />);
      await screen.findByText('probe: Trump–Xi summit, Busan');
      const busan = await repos.events.get('busan-summit-2025');
      const before = engineStats().runs;
      await repos.events.put({ ...busan, title: 'Busan meeting' }, { expectedRev: busan!.rev });
      await screen.findByText('probe: Busan meeting');
      // The version was analysed once, and not by the render that first showed it.
      expect(engineStats().runs - before).toBe(1);
      expect(runsInRender.get('Busan meeting')).toBe(0);
    },
    SLOW_TEST_MS,
  );
});
