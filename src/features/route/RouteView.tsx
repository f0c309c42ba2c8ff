import { useCallback, useMemo, useState } from 'react';
import { usePlan, usePlanName } from '../../db/hooks';
import { analyzeCompiled, compilePlan, RULES } from '../../domain/conflicts';
import {
  ALL_VISITS,
  buildRoute,
  conflictsByItem,
  formatKm,
  formatTravelTime,
  orderVisits,
  zoneCity,
  type Itinerary,
  type ItineraryStop,
} from '../../domain/planning';
import type { Leg, Plan, PlanEvent } from '../../domain/model';
import { instantToLocal, localToInstant, toInstant, toMs } from '../../domain/time';
import { useUiStore } from '../../store/ui-store';
import { ItineraryView, legRowId, type ItineraryAction } from './ItineraryView';
import { emptyLegForm, legToForm, type LegFormValues } from './leg-form';
import { LegDialog, RemoveStopDialog, StopDialog } from './RouteDialogs';
import { RouteMap } from './RouteMap';
import { emptyStopForm, eventToStopForm, type StopFormValues } from './stop-form';
import './route.css';

/** The visit shown first: the September 2025 draft of the state visit, as reported. */
export const DEFAULT_VISIT_ID = 'draft-state-visit-2025';

type OpenDialog =
  | { kind: 'leg'; initial: LegFormValues; existing?: Leg }
  | { kind: 'stop'; initial: StopFormValues; existing?: PlanEvent }
  | { kind: 'remove-stop'; stop: ItineraryStop; legName?: string };

/** The selected visit, kept in the URL (`/route?visit=…`) so a reload or a shared link shows the same. */
function useVisitSelection(plan: Plan | undefined): [string, (id: string) => void] {
  const [wanted, setWanted] = useState<string | null>(() => new URLSearchParams(window.location.search).get('visit'));
  const fallback = plan?.visits.some((v) => v.id === DEFAULT_VISIT_ID) ? DEFAULT_VISIT_ID : ALL_VISITS;
  const valid =
    wanted && (wanted === ALL_VISITS || !plan || plan.visits.some((v) => v.id === wanted)) ? wanted : fallback;
  const select = useCallback((id: string) => {
    setWanted(id);
    const url = new URL(window.location.href);
    url.searchParams.set('visit', id);
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}`);
  }, []);
  return [valid, select];
}

const HOUR = 3_600_000;

/** A suggested local start at a place: `hoursAfter` the latest thing known about the stop, on the hour. */
function suggestAfter(instants: readonly (string | undefined)[], hoursAfter: number, zone: string): string {
  const known = instants.filter((i): i is string => !!i).map(toMs);
  if (known.length === 0) return '';
  const at = Math.ceil((Math.max(...known) + hoursAfter * HOUR) / HOUR) * HOUR;
  return instantToLocal(toInstant(at), zone);
}

function stopInstants(stop: ItineraryStop): (string | undefined)[] {
  return [stop.arrives?.instant, ...stop.events.map((e) => e.ends.instant)];
}

/** The Route view: a visit's map and itinerary side by side, editable, printable. */
const ITINERARY_RULES = RULES.filter((r) => r !== 'overlap');

export function RouteView() {
  const plan = usePlan();
  const planName = usePlanName();
  const displayZone = useUiStore((s) => s.displayZone);
  const includeOptional = useUiStore((s) => s.includeOptional);
  const openEditor = useUiStore((s) => s.openEditor);
  const [selection, select] = useVisitSelection(plan);
  const [activeLegId, setActiveLegId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<OpenDialog | null>(null);

  const route = useMemo(
    () => (plan ? buildRoute(plan, selection, { displayZone, includeOptional }) : null),
    [plan, selection, displayZone, includeOptional],
  );
  // The itinerary shows what needs acting on; the analyst's list of plain overlaps is the conflicts view's.
  const compiled = useMemo(() => (plan ? compilePlan(plan) : null), [plan]);
  const conflicts = useMemo(
    () =>
      conflictsByItem(compiled ? analyzeCompiled(compiled, { includeOptional, rules: ITINERARY_RULES }).conflicts : []),
    [compiled, includeOptional],
  );
  const visits = useMemo(() => (plan ? orderVisits(plan) : []), [plan]);

  const onSelectLeg = useCallback((id: string) => {
    const row = document.getElementById(legRowId(id));
    row?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
    row?.focus({ preventScroll: true });
  }, []);

  if (!plan || !route) return <p aria-busy="true">Loading the plan…</p>;

  const onAction = (action: ItineraryAction) => {
    const places = plan.places;
    switch (action.kind) {
      case 'add-leg': {
        const it: Itinerary = action.itinerary;
        const last = it.stops[it.stops.length - 1];
        const from = last ? (last.arrivalPlace ?? last.place) : undefined;
        setDialog({
          kind: 'leg',
          initial: emptyLegForm({
            visitId: it.visit?.id,
            fromPlaceId: from?.kind === 'unknown' ? '' : (from?.id ?? ''),
            departs: last && from ? suggestAfter(stopInstants(last), 2, from.timeZone) : '',
            participantIds: it.visit ? [it.visit.guestId] : [],
          }),
        });
        return;
      }
      case 'edit-leg':
        setDialog({ kind: 'leg', initial: legToForm(action.leg.leg, places), existing: action.leg.leg });
        return;
      case 'add-stop': {
        const it = action.itinerary;
        const stop = action.stop;
        const place = stop ? stop.city : undefined;
        const start = stop && place ? suggestAfter(stopInstants(stop), 1, place.timeZone) : '';
        setDialog({
          kind: 'stop',
          initial: emptyStopForm({
            visitId: it.visit?.id,
            placeId: place && place.kind !== 'unknown' ? place.id : '',
            start,
            end: start && place ? suggestAfter([toInstantAt(start, place.timeZone)], 1, place.timeZone) : '',
            participantIds: it.visit ? [...it.visit.participantIds] : [],
          }),
        });
        return;
      }
      case 'edit-event':
        setDialog({ kind: 'stop', initial: eventToStopForm(action.event.event, places), existing: action.event.event });
        return;
      case 'remove-stop': {
        const leg = route.legs.find((l) => l.id === action.stop.arrivalLegId);
        setDialog({
          kind: 'remove-stop',
          stop: action.stop,
          legName: leg ? `${leg.from.name} → ${leg.to.name}` : undefined,
        });
        return;
      }
    }
  };

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
              onAction={onAction}
            />
          ))}
        </div>
      </div>
      {dialog?.kind === 'leg' && (
        <LegDialog
          initial={dialog.initial}
          existing={dialog.existing}
          places={plan.places}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'stop' && (
        <StopDialog
          initial={dialog.initial}
          existing={dialog.existing}
          places={plan.places}
          onClose={() => setDialog(null)}
          onMoreFields={
            dialog.existing
              ? () => {
                  const id = dialog.existing!.id;
                  setDialog(null);
                  openEditor({ mode: 'edit', type: 'event', id });
                }
              : undefined
          }
        />
      )}
      {dialog?.kind === 'remove-stop' && (
        <RemoveStopDialog stop={dialog.stop} legName={dialog.legName} onClose={() => setDialog(null)} />
      )}
    </section>
  );
}

function toInstantAt(local: string, zone: string): string | undefined {
  try {
    return localToInstant(local, zone);
  } catch {
    return undefined;
  }
}
