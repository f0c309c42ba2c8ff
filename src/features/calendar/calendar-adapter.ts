/**
 * Plan data → FullCalendar input. Pure: plain records in, plain objects out (no FullCalendar,
 * React or Dexie). Timed items go in as UTC instants and FullCalendar places them in the display
 * zone; all-day items and windows go in as local dates (end exclusive), so they sit on their own
 * dates whatever the display zone. Every text an item shows (times in the display zone, the local
 * time at its place, status, optional, conflicts) is computed here, so it can be tested here.
 */
import { RULE_LABELS, type Conflict, type Severity } from '../../domain/conflicts';
import { KIND_LABELS, MODE_LABELS, STATUS_LABELS, countOf } from '../../domain/model';
import type {
  EventKind,
  Leg,
  LegMode,
  Participant,
  Place,
  PlanEvent,
  PlanWindow,
  Status,
  WindowKind,
} from '../../domain/model';
import {
  addDaysToDate,
  formatDateRange,
  formatLocalDate,
  formatLocalDateTime,
  formatLocalRange,
  formatLocalTime,
  instantToLocal,
} from '../../domain/time';
import type { Filters } from '../../store/ui-store';

export type CalendarItemType = 'event' | 'leg' | 'window';

/** The texts an item shows, all in words; computed together, on first use. */
export interface ItemTexts {
  /** Display zone: start time "22:00", or "" for all-day items. */
  startTime: string;
  /** Display zone: "22:00–23:40 EDT", or the local dates for all-day items. */
  displayWhen: string;
  /** At the item's place: "11:00–12:40 KST in Busan"; for a leg, departure and arrival local times. */
  localWhen: string;
  /** True when the local time at the place reads differently from the display zone. */
  localDiffers: boolean;
  /** Everything a screen reader needs beyond the title, in words. */
  description: string;
}

/** What the calendar needs to know about one item, beyond its dates. */
export interface CalendarItem extends ItemTexts {
  type: CalendarItemType;
  id: string;
  kind: EventKind | LegMode | WindowKind;
  status: Status;
  optional: boolean;
  allDay: boolean;
  title: string;
  /** The item's own zone (for a leg, its departure place's zone). */
  timeZone: string;
  placeName?: string;
  participantNames: string[];
  conflicts: { severity: Severity; rule: string; explanation: string }[];
  /** The worst severity among the item's conflicts, if it is an error or a warning (what gets a marker). */
  conflictSeverity?: Severity;
}

type ItemBase = Omit<CalendarItem, keyof ItemTexts>;

/**
 * An item whose texts are getters that compute them all on first use. Zone formatting is the
 * costly part, and a month of 1,000 items draws only a hundred or so: the rest never pay for it.
 * A class, not an object given accessors one by one: 10,000 of those took 80 ms to make.
 */
class LazyItem implements CalendarItem {
  readonly type: CalendarItemType;
  readonly id: string;
  readonly kind: EventKind | LegMode | WindowKind;
  readonly status: Status;
  readonly optional: boolean;
  readonly allDay: boolean;
  readonly title: string;
  readonly timeZone: string;
  readonly placeName?: string;
  readonly participantNames: string[];
  readonly conflicts: CalendarItem['conflicts'];
  readonly conflictSeverity?: Severity;
  #texts: Omit<ItemTexts, 'startTime'> | undefined;
  #start: string | undefined;
  #compute: (() => Omit<ItemTexts, 'startTime'>) | undefined;
  #startTime: (() => string) | undefined;

  constructor(base: ItemBase, compute: () => Omit<ItemTexts, 'startTime'>, startTime: () => string) {
    this.type = base.type;
    this.id = base.id;
    this.kind = base.kind;
    this.status = base.status;
    this.optional = base.optional;
    this.allDay = base.allDay;
    this.title = base.title;
    this.timeZone = base.timeZone;
    this.placeName = base.placeName;
    this.participantNames = base.participantNames;
    this.conflicts = base.conflicts;
    this.conflictSeverity = base.conflictSeverity;
    this.#compute = compute;
    this.#startTime = startTime;
  }

  #all(): Omit<ItemTexts, 'startTime'> {
    if (!this.#texts) {
      this.#texts = this.#compute!();
      this.#compute = undefined;
    }
    return this.#texts;
  }

  get startTime(): string {
    if (this.#start === undefined) {
      this.#start = this.#startTime!();
      this.#startTime = undefined;
    }
    return this.#start;
  }

  get displayWhen(): string {
    return this.#all().displayWhen;
  }

  get localWhen(): string {
    return this.#all().localWhen;
  }

  get localDiffers(): boolean {
    return this.#all().localDiffers;
  }

  get description(): string {
    return this.#all().description;
  }
}

/** FullCalendar's event input, as far as we use it. */
export interface CalendarEventInput {
  id: string;
  title: string;
  start: string;
  end: string;
  allDay: boolean;
  display?: 'background';
  editable: boolean;
  durationEditable?: boolean;
  className: string;
  extendedProps: { item: CalendarItem };
}

export interface CalendarData {
  events: readonly PlanEvent[];
  legs: readonly Leg[];
  windows: readonly PlanWindow[];
  places: readonly Place[];
  participants: readonly Participant[];
}

export interface AdapterOptions {
  displayZone: string;
  includeOptional: boolean;
  filters: Filters;
  /** Open conflicts (accepted ones left out by the caller). */
  conflicts?: readonly Conflict[];
}

/** The FullCalendar id of an item: `event:busan-summit-2025`. */
export const calendarId = (type: CalendarItemType, id: string) => `${type}:${id}`;

/** The item type and id behind a FullCalendar id, or null for an id we did not make. */
export function parseCalendarId(calId: string): { type: CalendarItemType; id: string } | null {
  const i = calId.indexOf(':');
  const type = calId.slice(0, i);
  if (i < 1 || (type !== 'event' && type !== 'leg' && type !== 'window')) return null;
  return { type, id: calId.slice(i + 1) };
}

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

function conflictsByItem(conflicts: readonly Conflict[]): Map<string, Conflict[]> {
  const map = new Map<string, Conflict[]>();
  for (const c of conflicts) {
    for (const ref of c.items) {
      if (ref.type === 'visit') continue;
      const key = calendarId(ref.type, ref.id);
      const list = map.get(key);
      if (list) list.push(c);
      else map.set(key, [c]);
    }
  }
  return map;
}

function matchesFilters(
  filters: Filters,
  item: { participantIds: readonly string[]; status: Status; kind?: EventKind },
): boolean {
  if (filters.statuses.length > 0 && !filters.statuses.includes(item.status)) return false;
  if (filters.participantIds.length > 0 && !item.participantIds.some((p) => filters.participantIds.includes(p)))
    return false;
  if (item.kind && filters.kinds.length > 0 && !filters.kinds.includes(item.kind)) return false;
  return true;
}

function statusWords(status: Status, optional: boolean): string {
  return `${STATUS_LABELS[status]}${optional ? ', optional' : ''}`;
}

function conflictWords(list: CalendarItem['conflicts']): string {
  if (list.length === 0) return '';
  const rules = [...new Set(list.map((c) => c.rule))].join('; ');
  return `${countOf(list.length, 'conflict')}: ${rules}.`;
}

/**
 * Calendar input for the items given (the caller reads only those near the visible range):
 * optional items left out unless `includeOptional`; events, legs filtered by participant and
 * status, events also by kind; windows and blackouts always shown, as background bands.
 * Output order follows input order; ids are `calendarId(type, id)`.
 */
export function toCalendarEvents(data: CalendarData, options: AdapterOptions): CalendarEventInput[] {
  const { displayZone, includeOptional, filters } = options;
  const placeById = new Map(data.places.map((p) => [p.id as string, p]));
  const nameById = new Map(data.participants.map((p) => [p.id as string, p.name]));
  const names = (ids: readonly string[]) => ids.map((id) => nameById.get(id) ?? id);
  const byItem = conflictsByItem(options.conflicts ?? []);
  const out: CalendarEventInput[] = [];

  const conflictsOf = (key: string) => {
    // The explanation (local times in words, the costly part) is read only when shown.
    const list = (byItem.get(key) ?? []).map((c) => ({
      severity: c.severity,
      rule: RULE_LABELS[c.rule],
      get explanation() {
        return c.explanation;
      },
    }));
    const worst = list.reduce<Severity | undefined>(
      (w, c) => (!w || SEVERITY_RANK[c.severity] > SEVERITY_RANK[w] ? c.severity : w),
      undefined,
    );
    // Overlaps alone (information) are told in words, not marked: nearly every item has one.
    return { list, worst: worst === 'info' ? undefined : worst };
  };

  const classes = (
    type: CalendarItemType,
    kind: string,
    status: Status,
    optional: boolean,
    worst: Severity | undefined,
  ) =>
    [
      'cal-item',
      `cal-type-${type}`,
      `cal-kind-${kind}`,
      `cal-status-${status}`,
      optional ? 'cal-optional' : '',
      worst ? `cal-conflict cal-conflict-${worst}` : '',
    ]
      .filter(Boolean)
      .join(' ');

  for (const e of data.events) {
    if (e.optional && !includeOptional) continue;
    if (!matchesFilters(filters, e)) continue;
    const key = calendarId('event', e.id);
    const place = e.placeId ? placeById.get(e.placeId) : undefined;
    const placeZone = place?.timeZone ?? e.timeZone;
    const { list, worst } = conflictsOf(key);
    const base: ItemBase = {
      type: 'event',
      id: e.id,
      kind: e.kind,
      status: e.status,
      optional: e.optional,
      allDay: e.allDay,
      title: e.title,
      timeZone: e.timeZone,
      placeName: place?.name,
      participantNames: names(e.participantIds),
      conflicts: list,
      conflictSeverity: worst,
    };
    const startTime = () => (e.allDay ? '' : instantToLocal(e.startsAt, displayZone).slice(11));
    const item = new LazyItem(
      base,
      () => {
        let displayWhen: string;
        let localWhen: string;
        let localDiffers = false;
        if (e.allDay) {
          const dates = formatDateRange(e.startDate!, e.endDate!);
          displayWhen = `${dates}, all day`;
          localWhen = `${dates} (local dates${place ? ` in ${place.name}` : ''}, ${e.timeZone.replace(/_/g, ' ')})`;
        } else {
          displayWhen = formatLocalRange(e.startsAt, e.endsAt, displayZone);
          const atPlace = placeZone === displayZone ? displayWhen : formatLocalRange(e.startsAt, e.endsAt, placeZone);
          localWhen = `${atPlace}${place ? ` in ${place.name}` : ` (${placeZone.replace(/_/g, ' ')})`}`;
          localDiffers = atPlace !== displayWhen;
        }
        const description = [
          `${KIND_LABELS[e.kind]}, ${statusWords(e.status, e.optional)}.`,
          `${e.allDay ? '' : `${formatLocalDate(e.startsAt, displayZone)}, `}${displayWhen}${localDiffers ? `; local time ${localWhen}` : place ? ` in ${place.name}` : ''}.`,
          conflictWords(list),
        ]
          .filter(Boolean)
          .join(' ');
        return { displayWhen, localWhen, localDiffers, description };
      },
      startTime,
    );
    out.push({
      id: key,
      title: e.title,
      start: e.allDay ? e.startDate! : e.startsAt,
      end: e.allDay ? addDaysToDate(e.endDate!, 1) : e.endsAt,
      allDay: e.allDay,
      editable: true,
      className: classes('event', e.kind, e.status, e.optional, worst),
      extendedProps: { item },
    });
  }

  for (const l of data.legs) {
    if (l.optional && !includeOptional) continue;
    if (!matchesFilters(filters, l)) continue;
    const key = calendarId('leg', l.id);
    const from = placeById.get(l.fromPlaceId);
    const to = placeById.get(l.toPlaceId);
    const fromZone = from?.timeZone ?? displayZone;
    const toZone = to?.timeZone ?? displayZone;
    const { list, worst } = conflictsOf(key);
    const number = [l.carrier, l.number].filter(Boolean).join(' ');
    const title = `${MODE_LABELS[l.mode]}${l.number ? ` ${l.number}` : ''}: ${from?.name ?? l.fromPlaceId} → ${to?.name ?? l.toPlaceId}`;
    const item = new LazyItem(
      {
        type: 'leg',
        id: l.id,
        kind: l.mode,
        status: l.status,
        optional: l.optional,
        allDay: false,
        title,
        timeZone: fromZone,
        placeName: from && to ? `${from.name} → ${to.name}` : undefined,
        participantNames: names(l.participantIds),
        conflicts: list,
        conflictSeverity: worst,
      },
      () => {
        const displayWhen = formatLocalRange(l.departsAt, l.arrivesAt, displayZone);
        const localWhen = `departs ${formatLocalTime(l.departsAt, fromZone)}${from ? ` ${from.name}` : ''}, arrives ${formatLocalDateTime(l.arrivesAt, toZone)}${to ? ` ${to.name}` : ''}`;
        const description = [
          `Travel leg by ${MODE_LABELS[l.mode].toLowerCase()}${number ? ` (${number})` : ''}, ${statusWords(l.status, l.optional)}.`,
          `${formatLocalDate(l.departsAt, displayZone)}, ${displayWhen}; ${localWhen} local.`,
          conflictWords(list),
        ]
          .filter(Boolean)
          .join(' ');
        return {
          displayWhen,
          localWhen,
          localDiffers: fromZone !== displayZone || toZone !== displayZone,
          description,
        };
      },
      () => instantToLocal(l.departsAt, displayZone).slice(11),
    );
    out.push({
      id: key,
      title,
      start: l.departsAt,
      end: l.arrivesAt,
      allDay: false,
      editable: true,
      className: classes('leg', l.mode, l.status, l.optional, worst),
      extendedProps: { item },
    });
  }

  for (const w of data.windows) {
    const key = calendarId('window', w.id);
    const place = w.placeId ? placeById.get(w.placeId) : undefined;
    const { list, worst } = conflictsOf(key);
    const item = new LazyItem(
      {
        type: 'window',
        id: w.id,
        kind: w.kind,
        status: w.status,
        optional: false,
        allDay: true,
        title: w.title,
        timeZone: w.timeZone,
        placeName: place?.name,
        participantNames: names(w.participantIds),
        conflicts: list,
        conflictSeverity: worst,
      },
      () => {
        const when = formatDateRange(w.startDate, w.endDate);
        return {
          displayWhen: `${when}, all day`,
          localWhen: `${when} (local dates${place ? ` in ${place.name}` : ''}, ${w.timeZone.replace(/_/g, ' ')})`,
          localDiffers: false,
          description: `${w.kind === 'blackout' ? 'Blackout' : 'Window'}, ${STATUS_LABELS[w.status].toLowerCase()}: ${when}.`,
        };
      },
      () => '',
    );
    out.push({
      id: key,
      title: w.title,
      start: w.startDate,
      end: addDaysToDate(w.endDate, 1),
      allDay: true,
      display: 'background',
      editable: false,
      className: `cal-band cal-band-${w.kind}`,
      extendedProps: { item },
    });
  }
  return out;
}
