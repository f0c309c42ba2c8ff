import { useEffect, useMemo, useRef, useState } from 'react';
import type { Conflict, ItemRef } from '../../domain/conflicts';
import type { TimelineLayout } from '../../domain/layout';
import { localDaysToInstants } from '../../domain/time';
import { useConflictsViewStore } from '../../store/conflicts-view-store';
import type { Stop } from './timeline-scene';

/**
 * Focus and movement on the overlap timeline: its keyboard stops (markers are lane 0; each
 * timeline lane follows), the selected stop, arrow keys, Home/End, + and − zoom around the
 * selection, Page Up/Down and "go to day".
 */
export function useTimelineNav({
  layout,
  centreMs,
  days,
  displayZone,
  onOpenItem,
  onShowInList,
}: {
  layout: TimelineLayout;
  centreMs: number;
  days: number;
  displayZone: string;
  onOpenItem: (item: ItemRef) => void;
  onShowInList: (conflict: Conflict) => void;
}) {
  const centreSetting = useConflictsViewStore((s) => s.timelineCentre);
  const setCentre = useConflictsViewStore((s) => s.setTimelineCentre);
  const zoomBy = useConflictsViewStore((s) => s.zoomBy);
  const stops = useMemo(() => stopsOf(layout), [layout]);
  const allStops = useMemo(() => stops.flat(), [stops]);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const active = allStops.find((s) => s.key === activeKey) ?? null;
  const tabStop = active?.key ?? allStops[0]?.key;
  const nodes = useRef(new Map<string, SVGGElement>());
  const focusPending = useRef(false);

  useEffect(() => {
    if (focusPending.current && tabStop) {
      focusPending.current = false;
      nodes.current.get(tabStop)?.focus();
    }
  }, [tabStop, layout]);

  const moveTo = (stop: Stop | undefined) => {
    if (!stop) return;
    focusPending.current = true;
    setActiveKey(stop.key);
    nodes.current.get(stop.key)?.focus();
  };
  const select = (key: string) => moveTo(allStops.find((s) => s.key === key));
  const refFor = (key: string) => (el: SVGGElement | null) => {
    if (el) nodes.current.set(key, el);
    else nodes.current.delete(key);
  };

  const pan = (fraction: number) => setCentre(new Date(centreMs + fraction * days * 86_400_000).toISOString());
  const zoomAround = (step: number) => {
    if (active)
      setCentre(
        new Date(
          active.bar
            ? (Math.max(active.bar.startMs, layout.startMs) + Math.min(active.bar.endMs, layout.endMs)) / 2
            : active.ms,
        ).toISOString(),
      );
    else if (!centreSetting) setCentre(new Date(centreMs).toISOString());
    focusPending.current = true;
    zoomBy(step);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const current = active ?? allStops[0];
    const target = stepTo(stops, current, e.key);
    let handled = true;
    if (target !== null) moveTo(target);
    else if (e.key === '+' || e.key === '=') zoomAround(-1);
    else if (e.key === '-' || e.key === '_') zoomAround(1);
    else if (e.key === 'PageUp') pan(-0.5);
    else if (e.key === 'PageDown') pan(0.5);
    else if (e.key === 'Enter' || e.key === ' ') {
      if (current?.bar) onOpenItem(current.bar.item.ref);
      else if (current?.conflict) onShowInList(current.conflict);
    } else handled = false;
    if (handled) e.preventDefault();
  };

  const jumpTo = (date: string) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
    try {
      const { startsAt, endsAt } = localDaysToInstants(date, date, displayZone);
      setCentre(new Date((Date.parse(startsAt) + Date.parse(endsAt)) / 2).toISOString());
    } catch {
      /* an impossible date typed half-way: wait for the rest */
    }
  };

  return { active, activeKey, setActiveKey, tabStop, select, refFor, onKeyDown, pan, jumpTo };
}

/** The keyboard stops: conflict markers first (lane 0), then each lane's bars in time order. */
function stopsOf(layout: TimelineLayout): Stop[][] {
  const lanes: Stop[][] = [
    layout.markers.map((m) => ({ key: `marker:${m.conflict.id}`, lane: 0, ms: m.ms, conflict: m.conflict })),
  ];
  layout.lanes.forEach((lane, i) =>
    lanes.push(
      [...lane.bars]
        .sort((a, b) => a.startMs - b.startMs || a.row - b.row)
        .map((bar) => ({ key: bar.key, lane: i + 1, ms: Math.max(bar.startMs, layout.startMs), bar })),
    ),
  );
  return lanes;
}

/**
 * Where an arrow key, Home or End moves from `current`: along its lane, or to the nearest stop
 * in time in the next lane up or down that has any. `null` for other keys; `undefined` when
 * there is nowhere to go.
 */
export function stepTo(stops: readonly Stop[][], current: Stop | undefined, key: string): Stop | undefined | null {
  const lane = current ? (stops[current.lane] ?? []) : [];
  const index = current ? lane.findIndex((s) => s.key === current.key) : -1;
  const nearestIn = (laneIndex: number, dir: number) => {
    for (let l = laneIndex; l >= 0 && l < stops.length; l += dir) {
      const candidates = stops[l]!;
      if (candidates.length === 0) continue;
      const ms = current?.ms ?? 0;
      return candidates.reduce((best, s) => (Math.abs(s.ms - ms) < Math.abs(best.ms - ms) ? s : best), candidates[0]!);
    }
    return undefined;
  };
  switch (key) {
    case 'ArrowRight':
      return lane[Math.min(lane.length - 1, index + 1)];
    case 'ArrowLeft':
      return lane[Math.max(0, index - 1)];
    case 'ArrowDown':
      return current ? nearestIn(current.lane + 1, 1) : undefined;
    case 'ArrowUp':
      return current ? nearestIn(current.lane - 1, -1) : undefined;
    case 'Home':
      return lane[0];
    case 'End':
      return lane[lane.length - 1];
    default:
      return null;
  }
}
