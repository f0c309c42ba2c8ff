/** The Overview's figures from the plan: each visit's dates and open conflicts, and what comes next. */
import type { ConflictEntry } from '../../domain/conflicts';
import { planItems, type Plan, type PlanItem, type Status } from '../../domain/model';
import { formatLocalDateRange, formatLocalDateTime, localDateOf } from '../../domain/time';

export interface VisitSummary {
  id: string;
  title: string;
  status: Status;
  guest: string;
  hostCountry: string;
  /** First and last local day of its items and legs (each in its own zone), or null when it has none yet. */
  startDate: string | null;
  endDate: string | null;
  /** Open (and reopened) errors and warnings touching the visit or any of its items. */
  openConflicts: number;
}

const localStart = (i: PlanItem) => i.startDate ?? localDateOf(i.startsAt, i.timeZone);
const localEnd = (i: PlanItem) =>
  i.endDate ?? localDateOf(new Date(Date.parse(i.endsAt) - 1).toISOString(), i.endTimeZone);

/** Every visit, soonest first (visits with no dates last), with its dates and open conflicts. */
export function visitSummaries(plan: Plan, entries: readonly ConflictEntry[] | null): VisitSummary[] {
  const items = planItems(plan);
  const visitOf = new Map(items.map((i) => [`${i.ref.type}:${i.ref.id}`, i.visitId]));
  const people = new Map(plan.participants.map((p) => [p.id as string, p.name]));
  const open = new Map<string, number>();
  for (const e of entries ?? []) {
    if (e.state === 'accepted' || e.conflict.severity === 'info') continue;
    const visits = new Set(
      e.conflict.items.map((r) => (r.type === 'visit' ? r.id : visitOf.get(`${r.type}:${r.id}`))).filter(Boolean),
    );
    for (const v of visits) open.set(v!, (open.get(v!) ?? 0) + 1);
  }
  return plan.visits
    .map((v): VisitSummary => {
      const own = items.filter((i) => i.visitId === v.id && i.status !== 'cancelled');
      const starts = own.map(localStart).sort();
      const ends = own.map(localEnd).sort();
      return {
        id: v.id,
        title: v.title,
        status: v.status,
        guest: people.get(v.guestId) ?? '',
        hostCountry: v.hostCountry,
        startDate: starts[0] ?? null,
        endDate: ends[ends.length - 1] ?? null,
        openConflicts: open.get(v.id) ?? 0,
      };
    })
    .sort((a, b) => (a.startDate ?? '9999').localeCompare(b.startDate ?? '9999') || a.title.localeCompare(b.title));
}

export interface ComingUp {
  /** Items still to come (ending after now), soonest first. */
  next: PlanItem[];
  /** The latest items before now, latest first: shown when few or none come next. */
  recent: PlanItem[];
}

/** Up to `count` events and legs from `now` on (not cancelled); if fewer than 3, also the most recent ones. */
export function comingUp(plan: Plan, now: string, count = 6): ComingUp {
  const items = planItems(plan)
    .filter((i) => i.ref.type !== 'window' && i.status !== 'cancelled')
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const next = items.filter((i) => i.endsAt > now).slice(0, count);
  const recent =
    next.length >= 3
      ? []
      : items
          .filter((i) => i.endsAt <= now)
          .slice(-(count - next.length))
          .reverse();
  return { next, recent };
}

/**
 * When an item in the lists happens: a timed one at its start in the display zone (on the clock
 * setting); an all-day one by its local dates, as the calendar shows it, never as a midnight.
 */
export function itemWhen(item: PlanItem, zone: string): string {
  if (item.allDay && item.startDate && item.endDate)
    return `${formatLocalDateRange(item.startDate, item.endDate)}, all day`;
  return formatLocalDateTime(item.startsAt, zone);
}
