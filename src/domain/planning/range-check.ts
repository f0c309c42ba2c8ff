/**
 * Check a date range: everything in the plan that a proposed range of days overlaps, or comes
 * within `nearDays` of, with the margin in words ("ends 2 days before “APEC …” starts").
 * The range is whole local days in `zone`, end inclusive; item intervals are half-open.
 */
import type { ItemRef } from '../conflicts';
import type { Plan, Status } from '../model';
import { describeWhen, planItems, type PlanItem } from '../model';
import { formatDuration, localDateOf, localDaysToInstants, toInstant } from '../time';

const DAY_MS = 86_400_000;

export interface RangeCheckOptions {
  /** First and last local day of the range, `YYYY-MM-DD`, inclusive. */
  startDate: string;
  endDate: string;
  /** The zone those days are in. */
  zone: string;
  /** Items that end or start within this many days of the range are reported as near. */
  nearDays: number;
  includeOptional: boolean | readonly string[];
  /** Only items of (or applying to) these participants; windows for everyone always count. */
  participantIds?: readonly string[];
  /** Leave out this visit's own items (when the range is that visit's dates). */
  excludeVisitId?: string;
}

export type RangeRelation = 'overlaps' | 'before' | 'after';

export interface RangeHit {
  item: ItemRef;
  kind: PlanItem['kind'];
  status: Status;
  optional: boolean;
  participantIds: string[];
  /** overlaps: they share time; before: the range ends before the item starts; after: the range starts after it ends. */
  relation: RangeRelation;
  /** Overlap length (overlaps) or the gap between them (before/after), ms, never negative. */
  marginMs: number;
  /** "overlaps it by 2 days", "ends 2 days before it starts", "starts 5 h after it ends". */
  margin: string;
  /** The sentence: "Ends 2 days before “32nd APEC Economic Leaders' Meeting, Gyeongju” starts." */
  description: string;
  /** When the item happens at its own place. */
  when: string;
  startsAt: string;
  endsAt: string;
}

/** "2 days", "1 day", or under a day "5 h 30 min": a gap or overlap in words, rounded to whole days from one day up. */
export function formatSpan(ms: number): string {
  if (ms < DAY_MS) return formatDuration(ms);
  const days = Math.round(ms / DAY_MS);
  return days === 1 ? '1 day' : `${days} days`;
}

function relate(item: PlanItem, start: number, end: number): { relation: RangeRelation; marginMs: number } {
  const s = Date.parse(item.startsAt);
  const e = Date.parse(item.endsAt);
  if (s < end && start < e) return { relation: 'overlaps', marginMs: Math.min(e, end) - Math.max(s, start) };
  if (s >= end) return { relation: 'before', marginMs: s - end };
  return { relation: 'after', marginMs: start - e };
}

function words(
  item: PlanItem,
  relation: RangeRelation,
  marginMs: number,
  start: number,
  end: number,
): { margin: string; description: string } {
  const title = `“${item.ref.title}”`;
  const span = formatSpan(marginMs);
  if (relation === 'overlaps') {
    const s = Date.parse(item.startsAt);
    const e = Date.parse(item.endsAt);
    if (s >= start && e <= end)
      return { margin: `overlaps all of it (${span})`, description: `Takes in all of ${title} (${span}).` };
    if (s <= start && e >= end) return { margin: `lies within it`, description: `Lies entirely within ${title}.` };
    return { margin: `overlaps it by ${span}`, description: `Overlaps ${title} by ${span}.` };
  }
  if (relation === 'before') {
    if (marginMs === 0) return { margin: 'ends as it starts', description: `Ends just as ${title} starts.` };
    return { margin: `ends ${span} before it starts`, description: `Ends ${span} before ${title} starts.` };
  }
  if (marginMs === 0) return { margin: 'starts as it ends', description: `Starts just as ${title} ends.` };
  return { margin: `starts ${span} after it ends`, description: `Starts ${span} after ${title} ends.` };
}

const RELATION_ORDER: Record<RangeRelation, number> = { overlaps: 0, before: 1, after: 1 };

/**
 * Everything the range overlaps, then everything within `nearDays` of it, nearest first.
 * Cancelled items are left out. Throws a RangeError for an invalid range or zone, or a negative `nearDays`.
 */
export function checkRange(plan: Plan, options: RangeCheckOptions): RangeHit[] {
  if (options.endDate < options.startDate) throw new RangeError('The last day must be on or after the first day.');
  if (!(options.nearDays >= 0)) throw new RangeError('The “near” distance must be zero or more days.');
  const { startsAt, endsAt } = localDaysToInstants(options.startDate, options.endDate, options.zone);
  const start = Date.parse(startsAt);
  const end = Date.parse(endsAt);
  const nearMs = options.nearDays * DAY_MS;
  const who = options.participantIds?.length ? new Set(options.participantIds) : null;
  const hits: RangeHit[] = [];
  for (const item of planItems(plan, { includeOptional: options.includeOptional })) {
    if (item.status === 'cancelled') continue;
    if (options.excludeVisitId && item.visitId === options.excludeVisitId) continue;
    if (
      who &&
      !(item.ref.type === 'window' && item.participantIds.length === 0) &&
      !item.participantIds.some((p) => who.has(p))
    )
      continue;
    const { relation, marginMs } = relate(item, start, end);
    if (relation !== 'overlaps' && marginMs > nearMs) continue;
    hits.push({
      item: item.ref,
      kind: item.kind,
      status: item.status,
      optional: item.optional,
      participantIds: item.participantIds,
      relation,
      marginMs,
      ...words(item, relation, marginMs, start, end),
      when: describeWhen(item),
      startsAt: item.startsAt,
      endsAt: item.endsAt,
    });
  }
  return hits.sort(
    (a, b) =>
      RELATION_ORDER[a.relation] - RELATION_ORDER[b.relation] ||
      (a.relation === 'overlaps' ? 0 : a.marginMs - b.marginMs) ||
      a.startsAt.localeCompare(b.startsAt) ||
      a.item.id.localeCompare(b.item.id),
  );
}

/** The first and last local day (in `zone`) of a visit's events and legs, or null if it has none. */
export function visitDateRange(
  plan: Plan,
  visitId: string,
  zone: string,
): { startDate: string; endDate: string } | null {
  const items = planItems(plan, { includeOptional: true }).filter((i) => i.visitId === visitId);
  if (items.length === 0) return null;
  const start = Math.min(...items.map((i) => Date.parse(i.startsAt)));
  const end = Math.max(...items.map((i) => Date.parse(i.endsAt)));
  return { startDate: localDateOf(toInstant(start), zone), endDate: localDateOf(toInstant(end - 1), zone) };
}

const UNSETTLED: readonly Status[] = ['speculative', 'proposed', 'tentative'];

/**
 * Dates to check when the user has picked none: those of the first visit still being planned
 * (speculative, proposed or tentative) that has dated items, else the seven days from `now`.
 */
export function defaultCheckDates(
  plan: Plan,
  zone: string,
  now: string,
): { startDate: string; endDate: string; visitId: string } {
  for (const v of plan.visits) {
    if (!UNSETTLED.includes(v.status)) continue;
    const range = visitDateRange(plan, v.id, zone);
    if (range) return { ...range, visitId: v.id };
  }
  return {
    startDate: localDateOf(now, zone),
    endDate: localDateOf(toInstant(Date.parse(now) + 6 * DAY_MS), zone),
    visitId: '',
  };
}
