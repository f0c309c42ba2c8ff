/**
 * All-day items are local dates in their own zones, so their instants in two zones can overlap
 * by the zones' difference across a date boundary (the KL talks ending on the 27th in Kuala
 * Lumpur and the APEC week starting on the 28th in Korea "overlap by 1 h"). Two all-day items
 * are compared by their local dates instead; an all-day item and a timed one by their instants.
 */
import type { Node } from './nodes';

interface Dated {
  startDate?: string;
  endDate?: string;
}

/** True when `a` and `b` are both all-day items with local dates and no day in common. */
export function onDifferentDays(a: Node, b: Node): boolean {
  if (!a.allDay || !b.allDay) return false;
  const x = a.source as Dated;
  const y = b.source as Dated;
  if (!x.startDate || !x.endDate || !y.startDate || !y.endDate) return false;
  return x.endDate < y.startDate || y.endDate < x.startDate;
}

/**
 * True when an overlap of `a` and `b` is not worth listing: all-day items on different local
 * days, or all-day items at known places in different cities with no participant in common
 * (a summit in Europe and a holiday in China on the same dates have nothing to do with each other).
 */
export function isUnrelatedAllDay(a: Node, b: Node): boolean {
  if (!a.allDay || !b.allDay) return false;
  if (onDifferentDays(a, b)) return true;
  if (a.city === undefined || b.city === undefined || a.city === b.city) return false;
  for (const p of a.participants) if (b.participants.includes(p)) return false;
  return true;
}

/** A generated "visit day" block: the day's hours of a visit, holding that visit's own programme. */
export function isVisitDay(node: Node): boolean {
  return node.type === 'event' && (node.source as { kind?: string }).kind === 'visit-day';
}

/** True when one of `a`, `b` is a visit day and the other an item of the same visit. */
export function isVisitProgramme(a: Node, b: Node): boolean {
  if (a.visitId === undefined || a.visitId !== b.visitId) return false;
  return isVisitDay(a) || isVisitDay(b);
}
