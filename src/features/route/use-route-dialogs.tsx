import { useState } from 'react';
import type { Itinerary, ItineraryStop, Route } from '../../domain/planning';
import type { Leg, Plan, PlanEvent } from '../../domain/model';
import { instantToLocal, localToInstant, toInstant, toMs } from '../../domain/time';
import { useUiStore } from '../../store/ui-store';
import type { ItineraryAction } from './ItineraryView';
import { emptyLegForm, legToForm, type LegFormValues } from './leg-form';
import { LegDialog } from './LegDialog';
import { RemoveStopDialog } from './RemoveStopDialog';
import { StopDialog } from './StopDialog';
import { emptyStopForm, eventToStopForm, type StopFormValues } from './stop-form';

type OpenDialog =
  | { kind: 'leg'; initial: LegFormValues; existing?: Leg }
  | { kind: 'stop'; initial: StopFormValues; existing?: PlanEvent; placeName?: string }
  | { kind: 'remove-stop'; stop: ItineraryStop; legName?: string };

const HOUR = 3_600_000;

/** A suggested local start at a place: `hoursAfter` the latest thing known about the stop, on the hour. */
function suggestAfter(instants: readonly (string | undefined)[], hoursAfter: number, zone: string): string {
  const known = instants.filter((i): i is string => !!i).map(toMs);
  if (known.length === 0) return '';
  const at = Math.ceil((Math.max(...known) + hoursAfter * HOUR) / HOUR) * HOUR;
  return instantToLocal(toInstant(at), zone);
}

/**
 * A start inside the stay: an hour after the stop's arrival or its last item, unless that falls
 * after the stay ends (the departure), then on the hour after the arrival; at the starting point,
 * where the stay has no arrival, before the departure.
 */
function suggestInStay(stop: ItineraryStop, zone: string): string {
  const after = suggestAfter([stop.arrives?.instant, ...stop.events.map((e) => e.ends.instant)], 1, zone);
  const leaves = stop.departs?.instant;
  // The starting point (nothing known but the departure): on the hour, three hours before it leaves.
  if (!after && leaves) return instantToLocal(toInstant(Math.floor((toMs(leaves) - 3 * HOUR) / HOUR) * HOUR), zone);
  if (!after || !leaves || toMs(localToInstant(after, zone)) + HOUR <= toMs(leaves)) return after;
  return suggestAfter([stop.arrives?.instant], 1, zone);
}

function toInstantAt(local: string, zone: string): string | undefined {
  try {
    return localToInstant(local, zone);
  } catch {
    return undefined;
  }
}

function addLeg(it: Itinerary): OpenDialog {
  const last = it.stops[it.stops.length - 1];
  const from = last ? (last.arrivalPlace ?? last.place) : undefined;
  return {
    kind: 'leg',
    initial: emptyLegForm({
      visitId: it.visit?.id,
      fromPlaceId: from?.kind === 'unknown' ? '' : (from?.id ?? ''),
      departs:
        last && from
          ? suggestAfter([last.arrives?.instant, ...last.events.map((e) => e.ends.instant)], 2, from.timeZone)
          : '',
      participantIds: it.visit ? [it.visit.guestId] : [],
    }),
  };
}

function addStop(it: Itinerary, stop: ItineraryStop | undefined): OpenDialog {
  const place = stop ? stop.city : undefined;
  const start = stop && place ? suggestInStay(stop, place.timeZone) : '';
  return {
    kind: 'stop',
    placeName: place && place.kind !== 'unknown' ? place.name : undefined,
    initial: emptyStopForm({
      visitId: it.visit?.id,
      placeId: place && place.kind !== 'unknown' ? place.id : '',
      start,
      end: start && place ? suggestAfter([toInstantAt(start, place.timeZone)], 1, place.timeZone) : '',
      participantIds: it.visit ? [...it.visit.participantIds] : [],
    }),
  };
}

/** The Route's dialogs: which one is open (from an itinerary action) and the dialog itself. */
export function useRouteDialogs(plan: Plan | undefined, route: Route | null) {
  const openEditor = useUiStore((s) => s.openEditor);
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const close = () => setDialog(null);

  const onAction = (action: ItineraryAction) => {
    const places = plan?.places ?? [];
    switch (action.kind) {
      case 'add-leg':
        return setDialog(addLeg(action.itinerary));
      case 'edit-leg':
        return setDialog({ kind: 'leg', initial: legToForm(action.leg.leg, places), existing: action.leg.leg });
      case 'add-stop':
        return setDialog(addStop(action.itinerary, action.stop));
      case 'edit-event':
        return setDialog({
          kind: 'stop',
          initial: eventToStopForm(action.event.event, places),
          existing: action.event.event,
        });
      case 'remove-stop': {
        const leg = route?.legs.find((l) => l.id === action.stop.arrivalLegId);
        return setDialog({
          kind: 'remove-stop',
          stop: action.stop,
          legName: leg ? `${leg.from.name} → ${leg.to.name}` : undefined,
        });
      }
    }
  };

  const element = !plan ? null : dialog?.kind === 'leg' ? (
    <LegDialog initial={dialog.initial} existing={dialog.existing} places={plan.places} onClose={close} />
  ) : dialog?.kind === 'stop' ? (
    <StopDialog
      initial={dialog.initial}
      existing={dialog.existing}
      places={plan.places}
      placeName={dialog.placeName}
      participants={plan.participants}
      onClose={close}
      onMoreFields={
        dialog.existing
          ? () => {
              const id = dialog.existing!.id;
              close();
              openEditor({ mode: 'edit', type: 'event', id });
            }
          : undefined
      }
    />
  ) : dialog?.kind === 'remove-stop' ? (
    <RemoveStopDialog stop={dialog.stop} legName={dialog.legName} onClose={close} />
  ) : null;

  return { onAction, element };
}
