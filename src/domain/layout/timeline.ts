/**
 * The overlap timeline's layout: lanes (per participant or per kind of item), bars placed in
 * rows so that overlapping bars never hide each other, the spans where a lane's items overlap,
 * windows and blackouts as bands, conflict markers, and ticks in the display zone.
 * Everything in epoch ms; the visible range is half-open [startMs, endMs).
 */
import { DateTime } from 'luxon';
import type { Conflict, Severity } from '../conflicts';
import { SEVERITY_RANK } from '../conflicts';
import type { EventKind, Plan } from '../model';
import { describeWhen, planItems, type PlanItem } from '../model';
import { clockTime } from '../time';

const DAY_MS = 86_400_000;

/** Zoom levels: how many days the visible range spans, from one day to a year. */
export const ZOOM_LEVELS_DAYS = [1, 3, 7, 14, 31, 92, 183, 366] as const;

export type LaneMode = 'participant' | 'kind';

export interface TimelineOptions {
  /** Visible range, UTC ISO instants, half-open. */
  startsAt: string;
  endsAt: string;
  displayZone: string;
  lanesBy: LaneMode;
  includeOptional: boolean | readonly string[];
  conflicts: readonly Conflict[];
}

export interface TimelineBar {
  /** Unique in the layout: lane and item. */
  key: string;
  laneId: string;
  item: PlanItem;
  /** Row within the lane, from 0. */
  row: number;
  /** The item's own start and end (not clipped to the range). */
  startMs: number;
  endMs: number;
  conflictIds: string[];
  /** The worst severity among its conflicts that are errors or warnings (an informational overlap does not mark a bar). */
  severity?: Severity;
  /** Titles of the items it overlaps in this lane. */
  overlapsWith: string[];
  when: string;
}

export interface TimelineSpan {
  startMs: number;
  endMs: number;
}

export interface TimelineBand extends TimelineSpan {
  key: string;
  item: PlanItem;
  kind: 'window' | 'blackout';
}

export interface TimelineLane {
  id: string;
  label: string;
  rows: number;
  bars: TimelineBar[];
  /** Where two or more of this lane's (non-cancelled) items overlap, merged. */
  overlaps: TimelineSpan[];
  bands: TimelineBand[];
}

export interface TimelineMarker {
  conflict: Conflict;
  ms: number;
}

export interface TimelineTick {
  ms: number;
  /** "" for an unlabelled minor tick. */
  label: string;
  major: boolean;
}

export interface TimelineLayout {
  startMs: number;
  endMs: number;
  lanes: TimelineLane[];
  /** Markers in time order (keyboard order). */
  markers: TimelineMarker[];
  /** The same markers, least severe first (paint order). */
  drawOrder: TimelineMarker[];
  ticks: TimelineTick[];
}

const KIND_LANES: { id: string; label: string; kinds: readonly string[] }[] = [
  { id: 'kind:summit', label: 'Summits', kinds: ['summit'] },
  { id: 'kind:talks', label: 'Talks and calls', kinds: ['talks', 'call'] },
  { id: 'kind:meeting', label: 'Meetings and ceremonies', kinds: ['meeting', 'ceremony', 'visit-day'] },
  { id: 'kind:travel', label: 'Travel', kinds: ['flight', 'rail', 'road', 'sea'] },
  { id: 'kind:other', label: 'Holidays and notes', kinds: ['holiday', 'note'] satisfies EventKind[] },
];
const WINDOWS_LANE = { id: 'windows', label: 'Windows and blackouts' };
const NO_PARTICIPANT_LANE = { id: 'p:', label: 'No participant' };

/** The visible range of `days` days centred on `centreMs`, as UTC ISO instants. */
export function centredRange(centreMs: number, days: number): { startsAt: string; endsAt: string } {
  const half = (days * DAY_MS) / 2;
  return { startsAt: new Date(centreMs - half).toISOString(), endsAt: new Date(centreMs + half).toISOString() };
}

/** Place bars in rows greedily (by start): a bar takes the first row whose last bar has ended. Returns rows used. */
function assignRows(bars: TimelineBar[]): number {
  bars.sort((a, b) => a.startMs - b.startMs || b.endMs - a.endMs || a.key.localeCompare(b.key));
  const rowEnds: number[] = [];
  for (const bar of bars) {
    let row = rowEnds.findIndex((end) => end <= bar.startMs);
    if (row === -1) row = rowEnds.length;
    rowEnds[row] = bar.endMs;
    bar.row = row;
  }
  return Math.max(1, rowEnds.length);
}

/** Mark overlapping bars (half-open) and return the merged spans where any two overlap. */
function findOverlaps(bars: TimelineBar[]): TimelineSpan[] {
  const live = bars.filter((b) => b.item.status !== 'cancelled').sort((a, b) => a.startMs - b.startMs);
  const spans: TimelineSpan[] = [];
  const active: TimelineBar[] = [];
  for (const bar of live) {
    for (let i = active.length - 1; i >= 0; i -= 1) if (active[i]!.endMs <= bar.startMs) active.splice(i, 1);
    for (const other of active) {
      if (other.item.ref.id === bar.item.ref.id) continue;
      other.overlapsWith.push(bar.item.ref.title);
      bar.overlapsWith.push(other.item.ref.title);
      spans.push({ startMs: bar.startMs, endMs: Math.min(bar.endMs, other.endMs) });
    }
    active.push(bar);
  }
  spans.sort((a, b) => a.startMs - b.startMs);
  const merged: TimelineSpan[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.startMs <= last.endMs) last.endMs = Math.max(last.endMs, s.endMs);
    else merged.push({ ...s });
  }
  return merged;
}

/** Lanes, bars, bands, overlap spans, markers and ticks for the visible range. */
export function layoutTimeline(plan: Plan, options: TimelineOptions): TimelineLayout {
  const startMs = Date.parse(options.startsAt);
  const endMs = Date.parse(options.endsAt);
  const visible = planItems(plan, { includeOptional: options.includeOptional }).filter(
    (i) => Date.parse(i.startsAt) < endMs && startMs < Date.parse(i.endsAt),
  );
  const conflictsByItem = new Map<string, Conflict[]>();
  for (const c of options.conflicts) {
    for (const i of c.items) {
      const key = `${i.type}:${i.id}`;
      conflictsByItem.set(key, [...(conflictsByItem.get(key) ?? []), c]);
    }
  }

  const laneDefs: { id: string; label: string }[] =
    options.lanesBy === 'participant'
      ? [...plan.participants.map((p) => ({ id: `p:${p.id}`, label: p.name })), NO_PARTICIPANT_LANE, WINDOWS_LANE]
      : [...KIND_LANES, WINDOWS_LANE];
  const lanes = new Map<string, TimelineLane>(
    laneDefs.map((d) => [d.id, { ...d, rows: 1, bars: [], overlaps: [], bands: [] }]),
  );

  const lanesOf = (item: PlanItem): string[] => {
    if (item.ref.type === 'window') return [WINDOWS_LANE.id];
    if (options.lanesBy === 'kind') return [KIND_LANES.find((l) => l.kinds.includes(item.kind))?.id ?? 'kind:other'];
    const ids = item.participantIds.map((p) => `p:${p}`).filter((id) => lanes.has(id));
    return ids.length ? ids : [NO_PARTICIPANT_LANE.id];
  };

  for (const item of visible) {
    const conflicts = conflictsByItem.get(`${item.ref.type}:${item.ref.id}`) ?? [];
    let severity: Severity | undefined;
    for (const c of conflicts) {
      if (c.severity === 'info') continue;
      if (!severity || SEVERITY_RANK[c.severity] > SEVERITY_RANK[severity]) severity = c.severity;
    }
    for (const laneId of lanesOf(item)) {
      lanes.get(laneId)!.bars.push({
        key: `${laneId}/${item.ref.type}:${item.ref.id}`,
        laneId,
        item,
        row: 0,
        startMs: Date.parse(item.startsAt),
        endMs: Date.parse(item.endsAt),
        conflictIds: conflicts.map((c) => c.id),
        severity,
        overlapsWith: [],
        when: describeWhen(item),
      });
    }
    if (item.ref.type === 'window') {
      const bandLanes =
        options.lanesBy === 'participant' && item.participantIds.length > 0
          ? item.participantIds.map((p) => `p:${p}`).filter((id) => lanes.has(id))
          : [...lanes.keys()].filter((id) => id !== WINDOWS_LANE.id);
      for (const laneId of bandLanes) {
        lanes.get(laneId)!.bands.push({
          key: `${laneId}/band:${item.ref.id}`,
          item,
          kind: item.kind === 'blackout' ? 'blackout' : 'window',
          startMs: Date.parse(item.startsAt),
          endMs: Date.parse(item.endsAt),
        });
      }
    }
  }

  const out: TimelineLane[] = [];
  for (const lane of lanes.values()) {
    if (lane.id !== WINDOWS_LANE.id) lane.overlaps = findOverlaps(lane.bars);
    lane.rows = assignRows(lane.bars);
    const keep =
      options.lanesBy === 'participant'
        ? lane.id !== NO_PARTICIPANT_LANE.id || lane.bars.length > 0
        : lane.bars.length > 0;
    if (keep) out.push(lane);
  }

  const markers = options.conflicts
    .map((conflict) => ({ conflict, ms: conflict.atMs ?? Date.parse(conflict.at) }))
    .filter((m) => m.ms >= startMs && m.ms < endMs)
    .sort((a, b) => a.ms - b.ms || a.conflict.id.localeCompare(b.conflict.id));
  // Drawn in this order: the worse a conflict, the later, so it is never hidden under an informational one.
  const drawOrder = [...markers].sort(
    (a, b) => SEVERITY_RANK[a.conflict.severity] - SEVERITY_RANK[b.conflict.severity],
  );

  return { startMs, endMs, lanes: out, markers, drawOrder, ticks: timelineTicks(startMs, endMs, options.displayZone) };
}

interface TickPlan {
  unit: 'hour' | 'day' | 'week' | 'month';
  step: number;
  label: (dt: DateTime, major: boolean) => string;
  isMajor: (dt: DateTime) => boolean;
}

function tickPlan(days: number): TickPlan {
  if (days <= 2)
    return {
      unit: 'hour',
      step: 3,
      isMajor: (d) => d.hour === 0,
      label: (d, m) => (m ? d.toFormat('ccc d LLL') : clockTime(d.hour, d.minute)),
    };
  if (days <= 4)
    return {
      unit: 'hour',
      step: 6,
      isMajor: (d) => d.hour === 0,
      label: (d, m) => (m ? d.toFormat('ccc d LLL') : clockTime(d.hour, d.minute)),
    };
  if (days <= 16)
    return { unit: 'day', step: 1, isMajor: (d) => d.day === 1 || d.weekday === 1, label: (d) => d.toFormat('ccc d') };
  if (days <= 62)
    return { unit: 'day', step: 1, isMajor: (d) => d.weekday === 1, label: (d, m) => (m ? d.toFormat('d LLL') : '') };
  if (days <= 200)
    return {
      unit: 'week',
      step: 1,
      isMajor: (d) => d.day <= 7,
      label: (d, m) => (m ? d.toFormat('d LLL yyyy') : d.toFormat('d')),
    };
  return {
    unit: 'month',
    step: 1,
    isMajor: (d) => d.month === 1,
    label: (d, m) => (m ? d.toFormat('LLL yyyy') : d.toFormat('LLL')),
  };
}

/** Ticks in `zone` at whole hours, days, Mondays or months, depending on the span; hour ticks stay on the local clock across DST. */
export function timelineTicks(startMs: number, endMs: number, zone: string): TimelineTick[] {
  const plan = tickPlan((endMs - startMs) / DAY_MS);
  const ticks: TimelineTick[] = [];
  const push = (dt: DateTime) => {
    const ms = dt.toMillis();
    if (ms < startMs || ms >= endMs || ticks.some((t) => t.ms === ms)) return;
    const major = plan.isMajor(dt);
    ticks.push({ ms, label: plan.label(dt, major), major });
  };
  if (plan.unit === 'hour') {
    let day = DateTime.fromMillis(startMs, { zone }).startOf('day');
    for (let guard = 0; guard < 400 && day.toMillis() < endMs; guard += 1) {
      for (let h = 0; h < 24; h += plan.step) push(day.set({ hour: h }));
      day = day.plus({ days: 1 });
    }
    return ticks;
  }
  let dt = DateTime.fromMillis(startMs, { zone }).startOf(plan.unit);
  for (let guard = 0; guard < 1000 && dt.toMillis() < endMs; guard += 1) {
    push(dt);
    dt = dt.plus({ [`${plan.unit}s`]: plan.step });
  }
  return ticks;
}
