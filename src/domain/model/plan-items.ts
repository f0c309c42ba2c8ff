/**
 * The plan's dated items (events, legs, windows) in one shape, for views that treat them alike:
 * the overlap timeline, the date-range check, conflict fingerprints. Instants are UTC ISO
 * strings; intervals are half-open [startsAt, endsAt).
 */
import type { ItemRef, ItemType } from './model';
import type { EventKind, LegMode, Plan, Status, WindowKind } from './model';
import { formatLocalDate, formatLocalDateTime, formatLocalRange, formatLocalTime, localDateOf } from '../time';

export interface PlanItem {
  ref: ItemRef;
  kind: EventKind | LegMode | WindowKind;
  status: Status;
  optional: boolean;
  allDay: boolean;
  startsAt: string;
  endsAt: string;
  /** The zone the item is planned in (a leg: its departure place's zone). */
  timeZone: string;
  /** A leg's arrival zone; otherwise the same as `timeZone`. */
  endTimeZone: string;
  /** All-day items: first and last local day, inclusive. */
  startDate?: string;
  endDate?: string;
  participantIds: string[];
  placeId?: string;
  visitId?: string;
  updatedAt?: string;
}

export interface PlanItemOptions {
  /** Keep optional events and legs (`true`), drop them (`false`), or keep just these ids. */
  includeOptional: boolean | readonly string[];
}

/** "Beijing South → Shanghai Hongqiao (G1)": a leg named by its places and number. */
export function legTitle(plan: Pick<Plan, 'places'>, leg: Plan['legs'][number]): string {
  const name = (id: string) => plan.places.find((p) => p.id === id)?.name ?? id;
  const label = leg.number ?? '';
  return `${name(leg.fromPlaceId)} → ${name(leg.toPlaceId)}${label ? ` (${label})` : ''}`;
}

function keepOptional(id: string, optional: boolean, include: PlanItemOptions['includeOptional']): boolean {
  if (!optional) return true;
  if (typeof include === 'boolean') return include;
  return include.includes(id);
}

/** Every dated item of the plan, unsorted. Cancelled items are kept; callers decide. */
export function planItems(plan: Plan, options: PlanItemOptions = { includeOptional: true }): PlanItem[] {
  const zoneOfPlace = new Map(plan.places.map((p) => [p.id as string, p.timeZone]));
  const out: PlanItem[] = [];
  for (const e of plan.events) {
    if (!keepOptional(e.id, e.optional, options.includeOptional)) continue;
    out.push({
      ref: { type: 'event', id: e.id, title: e.title },
      kind: e.kind,
      status: e.status,
      optional: e.optional,
      allDay: e.allDay,
      startsAt: e.startsAt,
      endsAt: e.endsAt,
      timeZone: e.timeZone,
      endTimeZone: e.timeZone,
      ...(e.allDay ? { startDate: e.startDate, endDate: e.endDate } : {}),
      participantIds: [...e.participantIds],
      placeId: e.placeId,
      visitId: e.visitId,
      updatedAt: e.updatedAt,
    });
  }
  for (const l of plan.legs) {
    if (!keepOptional(l.id, l.optional, options.includeOptional)) continue;
    const fromZone = zoneOfPlace.get(l.fromPlaceId) ?? 'UTC';
    out.push({
      ref: { type: 'leg', id: l.id, title: legTitle(plan, l) },
      kind: l.mode,
      status: l.status,
      optional: l.optional,
      allDay: false,
      startsAt: l.departsAt,
      endsAt: l.arrivesAt,
      timeZone: fromZone,
      endTimeZone: zoneOfPlace.get(l.toPlaceId) ?? fromZone,
      participantIds: [...l.participantIds],
      placeId: l.fromPlaceId,
      visitId: l.visitId,
      updatedAt: l.updatedAt,
    });
  }
  for (const w of plan.windows) {
    out.push({
      ref: { type: 'window', id: w.id, title: w.title },
      kind: w.kind,
      status: w.status,
      optional: false,
      allDay: true,
      startsAt: w.startsAt,
      endsAt: w.endsAt,
      timeZone: w.timeZone,
      endTimeZone: w.timeZone,
      startDate: w.startDate,
      endDate: w.endDate,
      participantIds: [...w.participantIds],
      placeId: w.placeId,
      updatedAt: w.updatedAt,
    });
  }
  return out;
}

type Revisioned = { id: string; updatedAt?: string; rev?: number };

/** An item's revision in words: its `updatedAt` ("" if never stamped), then `#rev` when it has a revision number. */
function revisionOf(r: Revisioned): string {
  return `${r.updatedAt ?? ''}${typeof r.rev === 'number' ? `#${r.rev}` : ''}`;
}

/** Every item's revision (see `itemRevision`) keyed `type:id`, for many look-ups in one plan. */
export function revisionIndex(plan: Plan): Map<string, string> {
  const index = new Map<string, string>();
  const add = (type: ItemType, rows: readonly Revisioned[]) => {
    for (const r of rows) index.set(`${type}:${r.id}`, revisionOf(r));
  };
  add('event', plan.events);
  add('leg', plan.legs);
  add('window', plan.windows);
  add('visit', plan.visits);
  return index;
}

/**
 * The revision of any item (event, leg, window or visit) by type and id: its `updatedAt`, which
 * every repository write stamps, and its `rev` counter when it has one ("2026-11-01T00:00:00.000Z#3");
 * `null` if there is no such item.
 */
export function itemRevision(plan: Plan | Map<string, string>, type: ItemType, id: string): string | null {
  if (plan instanceof Map) return plan.get(`${type}:${id}`) ?? null;
  const table =
    type === 'event' ? plan.events : type === 'leg' ? plan.legs : type === 'window' ? plan.windows : plan.visits;
  const found = (table as readonly Revisioned[]).find((r) => r.id === id);
  return found ? revisionOf(found) : null;
}

/**
 * When an item happens, in words, at its own place: "Thu 30 Oct 2025, 11:00–12:40 KST",
 * "Fri 31 Oct – Sat 1 Nov 2025" (all day), "Tue 28 Oct 2025, 18:00 CST (China) → 21:10 KST" (a leg).
 */
export function describeWhen(
  item: Pick<PlanItem, 'allDay' | 'startsAt' | 'endsAt' | 'timeZone' | 'endTimeZone' | 'startDate' | 'endDate'>,
): string {
  const key = `${item.allDay ? `${item.startDate}/${item.endDate}` : ''}|${item.startsAt}|${item.endsAt}|${item.timeZone}|${item.endTimeZone}`;
  let text = whenCache.get(key);
  if (text === undefined) {
    text = whenText(item);
    if (whenCache.size >= WHEN_CACHE_MAX) whenCache.delete(whenCache.keys().next().value!);
    whenCache.set(key, text);
  }
  return text;
}

/** Formatting with Luxon costs tens of µs; a timeline re-lays out on every zoom and pan. A pure function's memo, bounded. */
const whenCache = new Map<string, string>();
const WHEN_CACHE_MAX = 20_000;

function whenText(
  item: Pick<PlanItem, 'allDay' | 'startsAt' | 'endsAt' | 'timeZone' | 'endTimeZone' | 'startDate' | 'endDate'>,
): string {
  if (item.allDay && item.startDate && item.endDate) {
    const first = formatLocalDate(item.startsAt, item.timeZone);
    if (item.startDate === item.endDate) return first;
    const lastInstant = new Date(Date.parse(item.endsAt) - 1).toISOString();
    const last = formatLocalDate(lastInstant, item.timeZone);
    return item.startDate.slice(0, 4) === item.endDate.slice(0, 4)
      ? `${first.slice(0, -5)} – ${last}`
      : `${first} – ${last}`;
  }
  const sameDay = localDateOf(item.startsAt, item.timeZone) === localDateOf(item.endsAt, item.endTimeZone);
  if (item.timeZone === item.endTimeZone && sameDay) {
    return `${formatLocalDate(item.startsAt, item.timeZone)}, ${formatLocalRange(item.startsAt, item.endsAt, item.timeZone)}`;
  }
  const arrow = item.timeZone === item.endTimeZone ? '–' : ' → ';
  const end = sameDay
    ? formatLocalTime(item.endsAt, item.endTimeZone)
    : formatLocalDateTime(item.endsAt, item.endTimeZone);
  return `${formatLocalDateTime(item.startsAt, item.timeZone)}${arrow}${end}`;
}
