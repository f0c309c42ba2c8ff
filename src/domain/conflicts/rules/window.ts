/**
 * Window: an event tied to a window (`windowId`), or a visit tied to one (its extent is that of
 * its events and legs), lies outside the window by more than `windowMarginDays` local days
 * (counted in the window's zone, so a DST day is still a day). O(n).
 */
import type { PlanWindow, Visit } from '../../model';
import { formatLocalDateRange, startOfLocalDayPlus, toMs } from '../../time';
import { dateTimeAt, describe, duration, label, zoneAt } from '../describe';
import { build, severityOf, type Built, type Party } from '../make';
import type { Node, PlanIndex } from '../nodes';
import type { ConflictRule } from './rule';

interface Bounds {
  start: number;
  end: number;
  allowedStart: number;
  allowedEnd: number;
}

export function windowConflicts(index: PlanIndex): Built[] {
  const windowNodes = new Map<string, Node>();
  for (const x of index.nodes) if (x.type === 'window') windowNodes.set(x.id, x);
  const boundsCache = new Map<string, Bounds>();
  const boundsOf = (w: PlanWindow, margin: number): Bounds => {
    const key = `${w.id}\u0000${margin}`;
    let b = boundsCache.get(key);
    if (!b) {
      b = {
        start: toMs(w.startsAt),
        end: toMs(w.endsAt),
        allowedStart: toMs(startOfLocalDayPlus(w.startDate, -margin, w.timeZone)),
        allowedEnd: toMs(startOfLocalDayPlus(w.endDate, 1 + margin, w.timeZone)),
      };
      boundsCache.set(key, b);
    }
    return b;
  };
  const outside = (x: { start: number; end: number }, b: Bounds) =>
    x.start < b.allowedStart || x.end > b.allowedEnd ? Math.max(b.start - x.start, x.end - b.end) : 0;

  const out: Built[] = [];
  const byVisit = new Map<string, Node[]>();
  for (const x of index.nodes) {
    if (x.type === 'window') continue;
    if (x.visitId) {
      const list = byVisit.get(x.visitId);
      if (list) list.push(x);
      else byVisit.set(x.visitId, [x]);
    }
    if (x.type !== 'event' || !x.windowId) continue;
    const wNode = windowNodes.get(x.windowId);
    const w = index.windowById.get(x.windowId);
    if (!wNode || !w) continue;
    const b = boundsOf(w, x.windowMarginDays);
    const by = outside(x, b);
    if (by > 0) out.push(itemOutside(x, wNode, w, x.windowMarginDays, by, b));
  }
  for (const v of index.plan.visits) {
    if (!v.windowId || v.status === 'cancelled' || v.status === 'postponed') continue;
    const items = byVisit.get(v.id);
    const wNode = windowNodes.get(v.windowId);
    const w = index.windowById.get(v.windowId);
    if (!items || !wNode || !w) continue;
    const margin = v.windowMarginDays ?? 0;
    const b = boundsOf(w, margin);
    const firm: Node[] = [];
    const optional: Node[] = [];
    for (const x of items) if (outside(x, b) > 0) (x.optional ? optional : firm).push(x);
    const off = firm.length > 0 ? firm : optional;
    if (off.length > 0) out.push(visitOutside(v, off, items, wNode, w, margin, b));
  }
  return out;
}

function windowWords(w: PlanWindow, margin: number, b: Bounds): string {
  const zone = zoneAt(b.start, w.timeZone);
  const allowance = margin === 0 ? 'no margin' : `a margin of ${margin} day${margin === 1 ? '' : 's'}`;
  return `“${w.title}” (${formatLocalDateRange(w.startDate, w.endDate)}, ${zone}) with ${allowance}`;
}

function sideWords(x: { start: number; end: number }, b: Bounds, by: number): string {
  return b.start - x.start >= x.end - b.end
    ? `${duration(by)} before the window opens`
    : `${duration(by)} after the window closes`;
}

function itemOutside(x: Node, wNode: Node, w: PlanWindow, margin: number, by: number, b: Bounds): Built {
  return build({
    rule: 'window',
    severity: severityOf([x.status, wNode.status]),
    parties: [x, wNode],
    participantIds: [...x.participants].sort(),
    atMs: x.start,
    marginMs: by,
    margin: `${duration(by)} outside`,
    explain: () =>
      `${capital(describe(x))} is tied to ${windowWords(w, margin, b)}, but it lies ${sideWords(x, b, by)}.`,
  });
}

function visitOutside(
  v: Visit,
  off: Node[],
  items: Node[],
  wNode: Node,
  w: PlanWindow,
  margin: number,
  b: Bounds,
): Built {
  const visit: Party = { type: 'visit', id: v.id, title: v.title, optional: false, status: v.status };
  const worst = off.reduce((a, c) =>
    Math.max(b.start - c.start, c.end - b.end) > Math.max(b.start - a.start, a.end - b.end) ? c : a,
  );
  const by = Math.max(b.start - worst.start, worst.end - b.end);
  const first = items.reduce((a, c) => (c.start < a.start ? c : a));
  const last = items.reduce((a, c) => (c.end > a.end ? c : a));
  return build({
    rule: 'window',
    severity: severityOf([v.status, wNode.status, ...off.map((x) => x.status)]),
    parties: [visit, wNode, ...off],
    keyParties: [visit, wNode],
    participantIds: [...v.participantIds].sort(),
    atMs: Math.min(...off.map((x) => x.start)),
    marginMs: by,
    margin: `${duration(by)} outside`,
    explain: () => {
      const span = `from ${dateTimeAt(first.start, first.zone)} to ${dateTimeAt(last.end, last.toZone)}`;
      const list = off.map((x) => label(x)).join(', ');
      return `The visit “${v.title}” runs ${span}; it is tied to ${windowWords(w, margin, b)}, but ${list} lie${off.length === 1 ? 's' : ''} outside it (the furthest ${sideWords(worst, b, by)}).`;
    },
  });
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const windowRule: ConflictRule = {
  id: 'window',
  run: (index) => ({ built: windowConflicts(index), capped: false }),
};
