import { useMemo } from 'react';
import { StatusPill } from '../../components/StatusPill';
import type { Conflict } from '../../domain/conflicts';
import { RULE_LABELS } from '../../domain/conflicts';
import {
  formatKm,
  formatTravelTime,
  isSettled,
  type Itinerary,
  type ItineraryEntry,
  type ItineraryEvent,
  type ItineraryLeg,
  type ItineraryStop,
  type RouteTotals,
} from '../../domain/planning';
import type { Status } from '../../domain/model';
import { MODE_LABELS, countOf } from '../../domain/model';
import { displayClockPart, displayPart } from './format';
import { deleteEvent, deleteLeg, setLegOptional, swapLegs } from './route-actions';

export type ItineraryAction =
  | { kind: 'add-leg'; itinerary: Itinerary }
  | { kind: 'edit-leg'; leg: ItineraryLeg }
  | { kind: 'add-stop'; itinerary: Itinerary; stop?: ItineraryStop }
  | { kind: 'edit-event'; event: ItineraryEvent }
  | { kind: 'remove-stop'; stop: ItineraryStop };

interface Props {
  itinerary: Itinerary;
  conflicts: ReadonlyMap<string, Conflict[]>;
  includeOptional: boolean;
  activeLegId: string | null;
  onActiveLeg: (id: string | null) => void;
  onAction: (action: ItineraryAction) => void;
}

export const legRowId = (id: string) => `itinerary-leg-${id}`;

function totalsText(t: RouteTotals): string {
  return `${countOf(t.legs, 'leg')}, ${formatTravelTime(t.travelMs)}, ${formatKm(t.km)}`;
}

const placeWithCode = (p: ItineraryLeg['from']) => (p.iata ? `${p.name} (${p.iata})` : p.name);

const legLabel = (l: ItineraryLeg) => `${l.seq}, ${l.from.name} → ${l.to.name}`;

function DraftMark({ status }: { status: Status }) {
  return isSettled(status) ? null : <span className="draft-mark">DRAFT</span>;
}

function Time({ t, withDay }: { t: ItineraryLeg['departs']; withDay?: boolean }) {
  const display = displayPart(t);
  return (
    <span className="time-pair">
      <span className="t-local">{withDay ? `${t.localDay} ${t.local}` : t.local}</span>
      {display && <span className="t-display"> [{display}]</span>}
    </span>
  );
}

function Conflicts({ ids, conflicts }: { ids: readonly string[]; conflicts: ReadonlyMap<string, Conflict[]> }) {
  const seen = new Set<Conflict>();
  for (const id of ids) for (const c of conflicts.get(id) ?? []) seen.add(c);
  if (seen.size === 0) return null;
  return (
    <ul className="it-conflicts" aria-label="Conflicts">
      {[...seen].map((c) => (
        <li key={c.id} className={`it-conflict severity-${c.severity}`}>
          <strong>
            {c.severity === 'error' ? 'Conflict' : c.severity === 'warning' ? 'Warning' : 'Note'}: {RULE_LABELS[c.rule]}
          </strong>{' '}
          {c.explanation}
          {c.onlyWith.length > 0 && (
            <span className="only-with"> (only with {c.onlyWith.map((i) => i.title).join(', ')})</span>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * Each conflict once per itinerary: under the last row that names it (the leg that departs from
 * the wrong place, the later of two clashing items), else under the visit's heading.
 */
function conflictsOnce(itinerary: Itinerary, conflicts: ReadonlyMap<string, Conflict[]>): Map<string, Conflict[]> {
  const rows: string[] = itinerary.visit ? [itinerary.visit.id] : [];
  for (const day of itinerary.days) {
    for (const e of day.entries) {
      if (e.type === 'leg') rows.push(e.leg.id);
      else if (e.type === 'event') rows.push(e.event.id);
    }
  }
  const owner = new Map<Conflict, string>();
  for (const id of rows) for (const c of conflicts.get(id) ?? []) owner.set(c, id);
  const out = new Map<string, Conflict[]>();
  for (const [c, id] of owner) out.set(id, [...(out.get(id) ?? []), c]);
  return out;
}

/** One visit's itinerary: totals, then each local day with its stops, programme items and legs. */
export function ItineraryView({
  itinerary,
  conflicts: allConflicts,
  includeOptional,
  activeLegId,
  onActiveLeg,
  onAction,
}: Props) {
  const { totals } = itinerary;
  const conflicts = useMemo(() => conflictsOnce(itinerary, allConflicts), [itinerary, allConflicts]);
  const headingId = `itinerary-${itinerary.key}`;
  return (
    <section className="itinerary" aria-labelledby={headingId}>
      <header className="it-header">
        <h3 id={headingId}>
          {itinerary.title} {itinerary.status && <DraftMark status={itinerary.status} />}
        </h3>
        {itinerary.status && (
          <p className="it-status">
            Status: <StatusPill status={itinerary.status} />
          </p>
        )}
        <p className="it-totals">
          <span className="totals-label">
            {totals.optionalLegs === 0
              ? 'Total travel'
              : includeOptional
                ? 'Total travel, with optional legs'
                : 'Total travel, optional legs left out'}
            :
          </span>{' '}
          <strong className="totals-shown">{totalsText(totals.shown)}</strong>
          <span className="totals-note"> (great-circle distance)</span>
        </p>
        {totals.optionalLegs > 0 && (
          <p className="it-totals-alt">
            {includeOptional ? 'Without optional legs' : 'With optional legs'}:{' '}
            <span className="totals-other">
              {totalsText(includeOptional ? totals.withoutOptional : totals.withOptional)}
            </span>
          </p>
        )}
        {itinerary.visit && <Conflicts ids={[itinerary.visit.id]} conflicts={conflicts} />}
        {itinerary.visit && (
          <div className="it-actions no-print">
            <button type="button" onClick={() => onAction({ kind: 'add-stop', itinerary })}>
              Add stop
            </button>
            <button type="button" onClick={() => onAction({ kind: 'add-leg', itinerary })}>
              Add leg
            </button>
          </div>
        )}
      </header>
      {itinerary.days.length === 0 && (
        <p className="it-empty">Nothing planned in this visit yet: add a stop or a leg.</p>
      )}
      {itinerary.days.map((day) => (
        <section
          key={`${day.date}-${day.entries.length}-${entryKey(day.entries[0]!)}`}
          className="it-day"
          aria-label={day.label}
        >
          <h4>{day.label}</h4>
          <ol className="it-entries">
            {day.entries.map((entry) => (
              <Entry
                key={entryKey(entry)}
                entry={entry}
                itinerary={itinerary}
                conflicts={conflicts}
                activeLegId={activeLegId}
                onActiveLeg={onActiveLeg}
                onAction={onAction}
              />
            ))}
          </ol>
        </section>
      ))}
    </section>
  );
}

function entryKey(e: ItineraryEntry): string {
  return e.type === 'stop' ? `stop-${e.stop.key}` : e.type === 'leg' ? `leg-${e.leg.id}` : `event-${e.event.id}`;
}

function Entry({
  entry,
  itinerary,
  conflicts,
  activeLegId,
  onActiveLeg,
  onAction,
}: {
  entry: ItineraryEntry;
  itinerary: Itinerary;
  conflicts: ReadonlyMap<string, Conflict[]>;
  activeLegId: string | null;
  onActiveLeg: (id: string | null) => void;
  onAction: (action: ItineraryAction) => void;
}) {
  if (entry.type === 'stop') return <StopRow stop={entry.stop} itinerary={itinerary} onAction={onAction} />;
  if (entry.type === 'event') return <EventRow event={entry.event} conflicts={conflicts} onAction={onAction} />;
  return (
    <LegRow
      leg={entry.leg}
      itinerary={itinerary}
      conflicts={conflicts}
      active={entry.leg.id === activeLegId}
      onActiveLeg={onActiveLeg}
      onAction={onAction}
    />
  );
}

function StopRow({
  stop,
  itinerary,
  onAction,
}: {
  stop: ItineraryStop;
  itinerary: Itinerary;
  onAction: (action: ItineraryAction) => void;
}) {
  const canRemove = stop.events.length > 0 || !!stop.arrivalLegId;
  return (
    <li className={`it-row it-stop${stop.optional ? ' optional' : ''}`}>
      <span className="it-when">
        {stop.arrives ? <Time t={stop.arrives} /> : stop.departs ? <Time t={stop.departs} /> : null}
      </span>
      <div className="it-main">
        <p className="it-title">
          <span className="stop-mark" aria-hidden="true">
            ◉
          </span>{' '}
          <span className="stop-name">{stop.city.name}</span>
          {stop.optional && <span className="tag optional-tag">optional</span>}
        </p>
        <p className="it-detail">
          {stop.arrives ? (
            <>
              Arrives {stop.arrivalPlace ? `at ${stop.arrivalPlace.name} ` : ''}
              <Time t={stop.arrives} withDay />
            </>
          ) : stop.departs ? (
            <>
              {stop.unplannedArrival ? 'Leaves' : 'Starts here, leaving'}{' '}
              {stop.departurePlace ? `from ${stop.departurePlace.name} ` : ''}
              <Time t={stop.departs} withDay />
            </>
          ) : (
            <>Programme here</>
          )}
          {stop.arrives && stop.departs && (
            <>
              {' '}
              · leaves {stop.departurePlace ? `from ${stop.departurePlace.name} ` : ''}
              <Time t={stop.departs} withDay />
            </>
          )}
          <span className="zone-name"> · local time {stop.city.timeZone.replace(/_/g, ' ')}</span>
        </p>
        {stop.unplannedArrival && (
          <p className="it-warning">
            <span aria-hidden="true">⚠ </span>No leg brings the principal here
            {stop.previousCity ? ` from ${stop.previousCity.name}` : ''}.
          </p>
        )}
        {itinerary.visit && (
          <div className="it-row-actions no-print">
            <button type="button" onClick={() => onAction({ kind: 'add-stop', itinerary, stop })}>
              Add item in {stop.city.name}
            </button>
            {canRemove && (
              <button type="button" className="danger" onClick={() => onAction({ kind: 'remove-stop', stop })}>
                Remove stop
              </button>
            )}
          </div>
        )}
      </div>
    </li>
  );
}

function EventRow({
  event,
  conflicts,
  onAction,
}: {
  event: ItineraryEvent;
  conflicts: ReadonlyMap<string, Conflict[]>;
  onAction: (action: ItineraryAction) => void;
}) {
  const e = event.event;
  const endDisplay = displayPart(event.ends);
  return (
    <li className={`it-row it-event${e.optional ? ' optional' : ''}`}>
      <span className="it-when">
        {event.allDay ? (
          <span className="time-pair">
            <span className="t-local">All day</span>
          </span>
        ) : (
          <span className="time-pair">
            <span className="t-local">
              {event.starts.localClock}–{event.ends.local}
            </span>
            {!event.starts.sameAsDisplay && (
              <span className="t-display">
                {' '}
                [{displayClockPart(event.starts)}–{endDisplay}]
              </span>
            )}
          </span>
        )}
      </span>
      <div className="it-main">
        <p className="it-title">
          <span className="event-title">{e.title}</span>
          {e.optional && <span className="tag optional-tag">optional</span>} <StatusPill status={e.status} />{' '}
          <DraftMark status={e.status} />
        </p>
        <p className="it-detail">
          {e.kind.replace('-', ' ')}
          {event.place && ` · ${event.place.name}`}
          {event.allDay &&
            event.startDate &&
            ` · ${event.startDate === event.endDate ? event.startDate : `${event.startDate} to ${event.endDate}`}`}
        </p>
        <Conflicts ids={[e.id]} conflicts={conflicts} />
        <div className="it-row-actions no-print">
          <button type="button" aria-label={`Edit ${e.title}`} onClick={() => onAction({ kind: 'edit-event', event })}>
            Edit
          </button>
          <button type="button" className="danger" aria-label={`Delete ${e.title}`} onClick={() => void deleteEvent(e)}>
            Delete
          </button>
        </div>
      </div>
    </li>
  );
}

function LegRow({
  leg,
  itinerary,
  conflicts,
  active,
  onActiveLeg,
  onAction,
}: {
  leg: ItineraryLeg;
  itinerary: Itinerary;
  conflicts: ReadonlyMap<string, Conflict[]>;
  active: boolean;
  onActiveLeg: (id: string | null) => void;
  onAction: (action: ItineraryAction) => void;
}) {
  const index = itinerary.legs.indexOf(leg);
  const previous = index > 0 ? itinerary.legs[index - 1] : undefined;
  const next = index >= 0 ? itinerary.legs[index + 1] : undefined;
  const shift =
    leg.dayShift === 0
      ? ''
      : leg.dayShift > 0
        ? ` (+${leg.dayShift} day${leg.dayShift > 1 ? 's' : ''})`
        : ` (${leg.dayShift} day)`;
  return (
    <li
      id={legRowId(leg.id)}
      tabIndex={-1}
      className={`it-row it-leg mode-${leg.mode}${leg.optional ? ' optional' : ''}${active ? ' active' : ''}`}
      onMouseEnter={() => onActiveLeg(leg.id)}
      onMouseLeave={() => onActiveLeg(null)}
    >
      <span className="it-when">
        <Time t={leg.departs} />
      </span>
      <div className="it-main">
        <p className="it-title">
          <span className="leg-badge" aria-label={`Leg ${leg.seq}`}>
            {leg.seq}
          </span>{' '}
          <span className="leg-mode">{MODE_LABELS[leg.mode]}</span>{' '}
          <span className="leg-route">
            {leg.from.cityName} → {leg.to.cityName}
          </span>
          {leg.optional && <span className="tag optional-tag">optional</span>} <StatusPill status={leg.status} />{' '}
          <DraftMark status={leg.status} />
        </p>
        <p className="it-detail">
          <span className="leg-places">
            {placeWithCode(leg.from)} → {placeWithCode(leg.to)}
          </span>
          {leg.service && <span className="leg-service"> · {leg.service}</span>}
        </p>
        <p className="it-detail">
          departs <Time t={leg.departs} /> · arrives {leg.dayShift !== 0 ? `${leg.arrives.localDay} ` : ''}
          <Time t={leg.arrives} />
          {shift} · <span className="leg-duration">{formatTravelTime(leg.durationMs)}</span> ·{' '}
          <span className="leg-distance">{formatKm(leg.km)}</span>
        </p>
        <Conflicts ids={[leg.id]} conflicts={conflicts} />
        <div className="it-row-actions no-print">
          <label className="check">
            <input
              type="checkbox"
              aria-label={`Optional (leg ${leg.seq})`}
              checked={leg.optional}
              onChange={(e) => void setLegOptional(leg.leg, e.target.checked, legLabel(leg))}
            />
            Optional
          </label>
          <button type="button" aria-label={`Edit leg ${leg.seq}`} onClick={() => onAction({ kind: 'edit-leg', leg })}>
            Edit
          </button>
          <button
            type="button"
            disabled={!previous}
            aria-label={
              previous
                ? `Earlier: leg ${leg.seq} takes leg ${previous.seq}'s time slot`
                : `Earlier (leg ${leg.seq} is already first)`
            }
            onClick={() =>
              previous &&
              void swapLegs(
                previous.leg,
                leg.leg,
                `Leg ${leg.from.name} → ${leg.to.name} now goes before ${previous.from.name} → ${previous.to.name}`,
              )
            }
          >
            Earlier
          </button>
          <button
            type="button"
            disabled={!next}
            aria-label={
              next
                ? `Later: leg ${leg.seq} takes leg ${next.seq}'s time slot`
                : `Later (leg ${leg.seq} is already last)`
            }
            onClick={() =>
              next &&
              void swapLegs(
                leg.leg,
                next.leg,
                `Leg ${leg.from.name} → ${leg.to.name} now goes after ${next.from.name} → ${next.to.name}`,
              )
            }
          >
            Later
          </button>
          <button
            type="button"
            className="danger"
            aria-label={`Delete leg ${leg.seq}`}
            onClick={() => void deleteLeg(leg.leg, legLabel(leg))}
          >
            Delete
          </button>
        </div>
      </div>
    </li>
  );
}
