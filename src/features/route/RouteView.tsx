import { useCallback, useMemo, useState } from 'react';
import { usePlan, usePlanName } from '../../db/hooks';
import { useSharedConflicts } from '../../db/plan-feed';
import {
  ALL_VISITS,
  buildRoute,
  conflictsByItem,
  formatKm,
  formatTravelTime,
  orderVisits,
  zoneCity,
} from '../../domain/planning';
import { useUiStore } from '../../store/ui-store';
import { ItineraryView, legRowId } from './ItineraryView';
import { RouteMap } from './RouteMap';
import { useRouteDialogs } from './use-route-dialogs';
import { useVisitSelection } from './use-visit-selection';
import './route.css';

/** The Route view: a visit's map and itinerary side by side, editable, printable. */
export function RouteView() {
  const plan = usePlan();
  const planName = usePlanName();
  const displayZone = useUiStore((s) => s.displayZone);
  const includeOptional = useUiStore((s) => s.includeOptional);
  const openCreate = useUiStore((s) => s.openCreate);
  const [selection, select] = useVisitSelection(plan);
  const [activeLegId, setActiveLegId] = useState<string | null>(null);

  const route = useMemo(
    () => (plan ? buildRoute(plan, selection, { displayZone, includeOptional }) : null),
    [plan, selection, displayZone, includeOptional],
  );
  // The itinerary shows what needs acting on; the analyst's list of plain overlaps is the conflicts view's.
  const analysis = useSharedConflicts(includeOptional)?.analysis;
  const conflicts = useMemo(
    () => conflictsByItem(analysis ? analysis.conflicts.filter((c) => c.rule !== 'overlap') : []),
    [analysis],
  );
  const visits = useMemo(() => (plan ? orderVisits(plan) : []), [plan]);

  const dialogs = useRouteDialogs(plan, route);
  const onSelectLeg = useCallback((id: string) => {
    const row = document.getElementById(legRowId(id));
    row?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
    row?.focus({ preventScroll: true });
  }, []);

  if (!plan || !route) return <p aria-busy="true">Loading the plan…</p>;

  const selectedTitle = selection === ALL_VISITS ? 'All visits' : (visits.find((v) => v.id === selection)?.title ?? '');
  const zoneName = `${displayZone.replace(/_/g, ' ')}`;
  return (
    <section className="route" aria-labelledby="route-heading">
      <div className="route-toolbar">
        <h2 id="route-heading">Route</h2>
        <span className="field no-print">
          <label htmlFor="route-visit">Visit</label>
          <select id="route-visit" value={selection} onChange={(e) => select(e.target.value)}>
            <option value={ALL_VISITS}>All visits</option>
            {visits.map((v) => (
              <option key={v.id} value={v.id}>
                {v.title}
              </option>
            ))}
          </select>
        </span>
        <button type="button" className="no-print" onClick={() => openCreate('visit')}>
          New visit
        </button>
        <button type="button" className="no-print" onClick={() => openCreate('place')}>
          New place
        </button>
        <button type="button" className="primary no-print" onClick={() => window.print()}>
          Print itinerary
        </button>
      </div>
      <p className="route-zone-note">
        Times are local at each place; in brackets, the display zone ({zoneName}, {zoneCity(displayZone)} time).
        {!includeOptional && ' Optional legs and items are left out.'}
      </p>
      <p className="print-only route-print-meta">
        {planName ?? ''} · {selectedTitle}
      </p>
      {selection === ALL_VISITS && route.itineraries.length > 1 && (
        <p className="route-all-totals">
          All visits together: {route.totals.shown.legs} legs, {formatTravelTime(route.totals.shown.travelMs)},{' '}
          {formatKm(route.totals.shown.km)}
          {route.totals.optionalLegs > 0 &&
            (includeOptional
              ? ` (without optional legs: ${formatTravelTime(route.totals.withoutOptional.travelMs)}, ${formatKm(route.totals.withoutOptional.km)})`
              : ` (with optional legs: ${formatTravelTime(route.totals.withOptional.travelMs)}, ${formatKm(route.totals.withOptional.km)})`)}
        </p>
      )}
      <div className="route-body">
        <div className="route-map-column">
          <RouteMap
            legs={route.legs}
            stops={route.stops}
            activeLegId={activeLegId}
            onActiveLeg={setActiveLegId}
            onSelectLeg={onSelectLeg}
            caption={`Map of ${selectedTitle}: ${route.legs.length} legs, ${route.stops.length} stops`}
          />
        </div>
        <div className="route-itineraries">
          {route.itineraries.length === 0 && <p>No visits in this plan yet.</p>}
          {route.itineraries.map((it) => (
            <ItineraryView
              key={it.key}
              itinerary={it}
              conflicts={conflicts}
              includeOptional={includeOptional}
              activeLegId={activeLegId}
              onActiveLeg={setActiveLegId}
              onAction={dialogs.onAction}
            />
          ))}
        </div>
      </div>
      {dialogs.element}
    </section>
  );
}
