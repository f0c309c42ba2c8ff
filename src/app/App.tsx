import { lazy, Suspense, useEffect, useState } from 'react';
import { db, describeFailure, seedIfFirstRun } from '../db';
import { useConflictBadge } from '../features/conflicts/use-conflict-badge';
import { EditorDialog } from '../features/editor/EditorDialog';
import { StatusBanners } from '../features/storage/StatusBanners';
import { useUiStore } from '../store/ui-store';
import { Header } from './Header';
import { historyOf, navigate, useLocation, withoutParams, withParam, type ViewName } from './router';
import { runShortcut } from './run-shortcut';
import { ShortcutsHelp } from './ShortcutsHelp';
import { Toast } from './Toast';
import { takeBootSeed } from './startup';
import { useShortcuts } from './use-shortcuts';

/** Each view's code, fetched on demand (and the opening one at boot, see `preloadView`). */
const viewCode = {
  overview: () => import('../features/overview/OverviewView').then((m) => ({ default: m.OverviewView })),
  calendar: () => import('../features/calendar/CalendarView').then((m) => ({ default: m.CalendarView })),
  route: () => import('../features/route/RouteView').then((m) => ({ default: m.RouteView })),
  conflicts: () => import('../features/conflicts/ConflictsView').then((m) => ({ default: m.ConflictsView })),
};

/**
 * Start fetching the opening view's code while the database opens: left to `lazy`, its chunk
 * would be asked for only once the app has rendered. A failure here is left to `lazy` to report.
 */
export function preloadView(view: ViewName): void {
  viewCode[view]().catch(() => undefined);
}

const CalendarView = lazy(viewCode.calendar);
const RouteView = lazy(viewCode.route);
const ConflictsView = lazy(viewCode.conflicts);
const CreateDialogs = lazy(() =>
  import('../features/places/CreateDialogs').then((m) => ({ default: m.CreateDialogs })),
);
const OverviewView = lazy(viewCode.overview);
const HistoryPanel = lazy(() => import('../features/history/HistoryPanel').then((m) => ({ default: m.HistoryPanel })));
const PlanningPanel = lazy(() =>
  import('../features/finder/PlanningPanel').then((m) => ({ default: m.PlanningPanel })),
);

function View({ view, search }: { view: ViewName; search: URLSearchParams }) {
  switch (view) {
    case 'overview':
      return (
        <Suspense fallback={<p aria-busy="true">Loading the overview…</p>}>
          <OverviewView navigate={navigate} />
        </Suspense>
      );
    case 'calendar':
      return (
        <Suspense fallback={<p aria-busy="true">Loading the calendar…</p>}>
          <CalendarView
            search={search}
            onSearchChange={(next) => navigate(`/calendar?${next.toString()}`, { replace: true })}
          />
        </Suspense>
      );
    case 'route':
      return (
        <Suspense fallback={<p aria-busy="true">Loading the route…</p>}>
          <RouteView />
        </Suspense>
      );
    case 'conflicts':
      return (
        <Suspense fallback={<p aria-busy="true">Loading the conflicts…</p>}>
          <ConflictsView />
        </Suspense>
      );
  }
}

export function App() {
  const { view, search } = useLocation();
  const panel = search.get('panel');
  const [startupError, setStartupError] = useState<string | null>(null);
  const conflictBadge = useConflictBadge();
  const creating = useUiStore((s) => s.creating);
  // Times of day are written as text when a view draws; a new clock setting redraws every view.
  const clock = useUiStore((s) => s.clock);
  useShortcuts((id) => runShortcut(id, view, search));
  useEffect(() => {
    (takeBootSeed() ?? seedIfFirstRun(db)).catch((err: unknown) =>
      setStartupError(`The plan database could not be opened. ${describeFailure(err)}`),
    );
  }, []);
  useEffect(() => {
    document.title = `${view[0]!.toUpperCase()}${view.slice(1)} · Summitry`;
  }, [view]);
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header view={view} badges={conflictBadge ? { conflicts: conflictBadge } : undefined} />
      <StatusBanners />
      {startupError && (
        <p role="alert" className="banner error">
          {startupError}
        </p>
      )}
      <main id="main" tabIndex={-1}>
        <View key={clock} view={view} search={search} />
      </main>
      {(panel === 'dates' || panel === 'scenarios') && (
        <Suspense fallback={null}>
          <PlanningPanel
            key={clock}
            tab={panel}
            onTab={(t) => navigate(withParam('panel', t), { replace: true })}
            onClose={() => navigate(withParam('panel', null))}
          />
        </Suspense>
      )}
      {panel === 'history' && (
        <Suspense fallback={null}>
          <HistoryPanel
            itemKey={search.get('item')}
            onItem={(key) => navigate(withParam('item', key), { replace: true })}
            onClose={() => navigate(withoutParams('panel', 'item'))}
          />
        </Suspense>
      )}
      {creating && (
        <Suspense fallback={null}>
          <CreateDialogs onVisitCreated={(id) => navigate(`/route?visit=${encodeURIComponent(id)}`)} />
        </Suspense>
      )}
      <EditorDialog onShowHistory={(key) => navigate(historyOf(key))} />
      <ShortcutsHelp />
      <Toast />
    </div>
  );
}
