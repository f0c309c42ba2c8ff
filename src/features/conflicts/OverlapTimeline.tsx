import { useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { worstSeverity, type Conflict, type ConflictEntry, type ItemRef } from '../../domain/conflicts';
import type { Plan } from '../../domain/model';
import { centredRange, layoutTimeline, ZOOM_LEVELS_DAYS, type TimelineLayout } from '../../domain/layout';
import { formatLocalDate } from '../../domain/time';
import { useConflictsViewStore } from '../../store/conflicts-view-store';
import { TimelineAxis, TimelinePatterns } from './TimelineAxis';
import { TimelineControls } from './TimelineControls';
import { TimelineDetails } from './TimelineDetails';
import { TimelineLane } from './TimelineLane';
import { TimelineLegend } from './TimelineLegend';
import { TimelineMarkers } from './TimelineMarkers';
import { AXIS_H, LABEL_W, LANE_PAD, MARKER_H, ROW_H, type TimelineScene } from './timeline-scene';
import { useTimelineNav } from './use-timeline-nav';

function useWidth(ref: React.RefObject<HTMLElement | null>, fallback: number): number {
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const w = el.clientWidth;
      if (w > 0) setWidth(Math.max(480, Math.round(w)));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return width;
}

export interface OverlapTimelineProps {
  plan: Plan;
  entries: ConflictEntry[];
  displayZone: string;
  includeOptional: boolean;
  onOpenItem: (item: ItemRef) => void;
  onShowInList: (conflict: Conflict) => void;
}

/** The centre of the timeline: the one chosen, else the earliest of the worst open conflicts (where a planner looks first). */
function useCentre(entries: readonly ConflictEntry[]): number {
  const centreSetting = useConflictsViewStore((s) => s.timelineCentre);
  return useMemo(() => {
    if (centreSetting) return Date.parse(centreSetting);
    const open = entries.filter((e) => e.state !== 'accepted').map((e) => e.conflict);
    const worst = worstSeverity(open);
    const first = open
      .filter((c) => c.severity === worst)
      .map((c) => c.atMs ?? Date.parse(c.at))
      .sort((a, b) => a - b)[0];
    return first ?? Date.now();
  }, [centreSetting, entries]);
}

/** A horizontal timeline of a chosen range: lanes, overlaps, windows and blackouts as bands; keyboard-navigable. */
export function OverlapTimeline({
  plan,
  entries,
  displayZone,
  includeOptional,
  onOpenItem,
  onShowInList,
}: OverlapTimelineProps) {
  const zoom = useConflictsViewStore((s) => s.timelineZoom);
  const lanesBy = useConflictsViewStore((s) => s.lanesBy);
  const ids = useId();
  const pid = `tl${ids.replace(/[^A-Za-z0-9_-]/g, '')}`;
  const wrapRef = useRef<HTMLDivElement>(null);
  const width = useWidth(wrapRef, 1000);

  const conflicts = useMemo(() => entries.map((e) => e.conflict), [entries]);
  const conflictsById = useMemo(() => new Map(conflicts.map((c) => [c.id, c])), [conflicts]);
  const acceptedIds = useMemo(
    () => new Set(entries.filter((e) => e.state === 'accepted').map((e) => e.conflict.id)),
    [entries],
  );

  const days = ZOOM_LEVELS_DAYS[zoom] ?? 14;
  const centreMs = useCentre(entries);
  const range = centredRange(centreMs, days);

  const layout: TimelineLayout = useMemo(
    () => layoutTimeline(plan, { ...range, displayZone, lanesBy, includeOptional, conflicts }),
    // range is derived from centreMs and days
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [plan, centreMs, days, displayZone, lanesBy, includeOptional, conflicts],
  );
  const nav = useTimelineNav({ layout, centreMs, days, displayZone, onOpenItem, onShowInList });
  const { active, onKeyDown } = nav;

  const plotW = width - LABEL_W - 12;
  const x = (ms: number) =>
    LABEL_W +
    ((Math.min(Math.max(ms, layout.startMs), layout.endMs) - layout.startMs) / (layout.endMs - layout.startMs)) * plotW;

  const laneTops: number[] = [];
  let y = AXIS_H + MARKER_H;
  for (const lane of layout.lanes) {
    laneTops.push(y);
    y += lane.rows * ROW_H + LANE_PAD * 2;
  }
  const height = y + 4;

  // A focused conflict marker lights up its items.
  const litItems = new Set(active?.conflict ? active.conflict.items.map((i) => `${i.type}:${i.id}`) : []);
  const rangeText = `${formatLocalDate(range.startsAt, displayZone)} – ${formatLocalDate(new Date(Date.parse(range.endsAt) - 1).toISOString(), displayZone)}`;
  const scene: TimelineScene = {
    pid,
    width,
    displayZone,
    x,
    tabStop: nav.tabStop,
    activeKey: nav.activeKey,
    setActiveKey: nav.setActiveKey,
    select: nav.select,
    refFor: nav.refFor,
    conflictsById,
    acceptedIds,
    litItems,
    onOpenItem,
  };

  return (
    <div className="timeline-panel">
      <TimelineControls pan={nav.pan} jumpTo={nav.jumpTo} />
      <p className="hint" id={`${ids}-help`}>
        {rangeText}, times in {displayZone.replace(/_/g, ' ')}. In the timeline: arrow keys move between items, Enter
        opens one, + and − zoom, Page Up and Page Down move in time.
      </p>
      <div ref={wrapRef} className="timeline-wrap">
        <svg
          className="timeline"
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="group"
          aria-label={`Overlap timeline, ${rangeText}`}
          aria-describedby={`${ids}-help`}
          onKeyDown={onKeyDown}
        >
          <TimelinePatterns pid={pid} />
          <TimelineAxis layout={layout} x={x} height={height} />
          <TimelineMarkers layout={layout} scene={scene} />
          {layout.lanes.map((lane, li) => (
            <TimelineLane key={lane.id} lane={lane} li={li} top={laneTops[li]!} scene={scene} />
          ))}
          <line x1={LABEL_W} x2={LABEL_W} y1={AXIS_H} y2={height} className="label-sep" aria-hidden="true" />
        </svg>
      </div>
      <TimelineLegend pid={pid} />
      <TimelineDetails
        active={active}
        conflictsById={conflictsById}
        acceptedIds={acceptedIds}
        onOpenItem={onOpenItem}
        onShowInList={onShowInList}
      />
    </div>
  );
}
