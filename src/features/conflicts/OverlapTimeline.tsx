import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ConflictEntry } from '../../domain/conflicts';
import { SEVERITY_LABELS, worstSeverity } from '../../domain/conflicts';
import { RULE_LABELS, type Conflict, type ItemRef } from '../../domain/conflicts';
import type { Plan } from '../../domain/model';
import {
  centredRange,
  layoutTimeline,
  ZOOM_LEVELS_DAYS,
  type TimelineBar,
  type TimelineLayout,
} from '../../domain/layout';
import { formatLocalDate, formatLocalDateTime, localDaysToInstants } from '../../domain/time';
import { useConflictsViewStore } from '../../store/conflicts-view-store';
import { SeverityBadge } from './SeverityBadge';

const ZOOM_LABELS = ['1 day', '3 days', '1 week', '2 weeks', '1 month', '3 months', '6 months', '1 year'];
const LABEL_W = 190;
const AXIS_H = 40;
const MARKER_H = 30;
const ROW_H = 24;
const LANE_PAD = 6;
const BAR_H = 18;
const CHAR_W = 6.6;

/** A focusable thing on the timeline: a bar or a conflict marker. */
type Stop = { key: string; lane: number; ms: number; bar?: TimelineBar; conflict?: Conflict };

function truncate(text: string, width: number): string {
  const max = Math.floor((width - 8) / CHAR_W);
  if (max < 3) return '';
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function barLabel(bar: TimelineBar, laneLabel: string, conflictsById: Map<string, Conflict>): string {
  const parts = [
    `${bar.item.ref.title}, ${bar.when}`,
    `${bar.item.status}${bar.item.optional ? ', optional' : ''}`,
    laneLabel,
  ];
  if (bar.overlapsWith.length) parts.push(`overlaps ${bar.overlapsWith.join(' and ')}`);
  const cs = bar.conflictIds.map((id) => conflictsById.get(id)).filter((c): c is Conflict => !!c);
  if (cs.length) parts.push(cs.map((c) => `${SEVERITY_LABELS[c.severity]}: ${RULE_LABELS[c.rule]}`).join('; '));
  return parts.join('. ');
}

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

/** A horizontal timeline of a chosen range: lanes, overlaps, windows and blackouts as bands; keyboard-navigable. */
export function OverlapTimeline({
  plan,
  entries,
  displayZone,
  includeOptional,
  onOpenItem,
  onShowInList,
}: OverlapTimelineProps) {
  const centreSetting = useConflictsViewStore((s) => s.timelineCentre);
  const zoom = useConflictsViewStore((s) => s.timelineZoom);
  const lanesBy = useConflictsViewStore((s) => s.lanesBy);
  const setCentre = useConflictsViewStore((s) => s.setTimelineCentre);
  const zoomBy = useConflictsViewStore((s) => s.zoomBy);
  const setZoom = useConflictsViewStore((s) => s.setZoom);
  const setLanesBy = useConflictsViewStore((s) => s.setLanesBy);
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
  const centreMs = useMemo(() => {
    if (centreSetting) return Date.parse(centreSetting);
    // Around the earliest of the worst open conflicts: that is where a planner looks first.
    const open = entries.filter((e) => e.state !== 'accepted').map((e) => e.conflict);
    const worst = worstSeverity(open);
    const first = open
      .filter((c) => c.severity === worst)
      .map((c) => Date.parse(c.at))
      .sort((a, b) => a - b)[0];
    return first ?? Date.now();
  }, [centreSetting, entries]);
  const range = centredRange(centreMs, days);

  const layout: TimelineLayout = useMemo(
    () => layoutTimeline(plan, { ...range, displayZone, lanesBy, includeOptional, conflicts }),
    // range is derived from centreMs and days
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [plan, centreMs, days, displayZone, lanesBy, includeOptional, conflicts],
  );

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

  // Keyboard stops: markers are lane 0; each timeline lane follows.
  const stops = useMemo(() => {
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
  }, [layout]);
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
    const lane = current ? (stops[current.lane] ?? []) : [];
    const index = current ? lane.findIndex((s) => s.key === current.key) : -1;
    const nearestIn = (laneIndex: number, dir: number) => {
      for (let l = laneIndex; l >= 0 && l < stops.length; l += dir) {
        const candidates = stops[l]!;
        if (candidates.length === 0) continue;
        const ms = current?.ms ?? 0;
        return candidates.reduce(
          (best, s) => (Math.abs(s.ms - ms) < Math.abs(best.ms - ms) ? s : best),
          candidates[0]!,
        );
      }
      return undefined;
    };
    let handled = true;
    switch (e.key) {
      case 'ArrowRight':
        moveTo(lane[Math.min(lane.length - 1, index + 1)]);
        break;
      case 'ArrowLeft':
        moveTo(lane[Math.max(0, index - 1)]);
        break;
      case 'ArrowDown':
        moveTo(current ? nearestIn(current.lane + 1, 1) : undefined);
        break;
      case 'ArrowUp':
        moveTo(current ? nearestIn(current.lane - 1, -1) : undefined);
        break;
      case 'Home':
        moveTo(lane[0]);
        break;
      case 'End':
        moveTo(lane[lane.length - 1]);
        break;
      case '+':
      case '=':
        zoomAround(-1);
        break;
      case '-':
      case '_':
        zoomAround(1);
        break;
      case 'PageUp':
        pan(-0.5);
        break;
      case 'PageDown':
        pan(0.5);
        break;
      case 'Enter':
      case ' ':
        if (current?.bar) onOpenItem(current.bar.item.ref);
        else if (current?.conflict) onShowInList(current.conflict);
        break;
      default:
        handled = false;
    }
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

  // A focused conflict marker lights up its items.
  const litItems = new Set(active?.conflict ? active.conflict.items.map((i) => `${i.type}:${i.id}`) : []);
  const rangeText = `${formatLocalDate(range.startsAt, displayZone)} – ${formatLocalDate(new Date(Date.parse(range.endsAt) - 1).toISOString(), displayZone)}`;
  const activeConflicts = active?.bar
    ? active.bar.conflictIds.map((id) => conflictsById.get(id)).filter((c): c is Conflict => !!c)
    : active?.conflict
      ? [active.conflict]
      : [];

  return (
    <div className="timeline-panel">
      <div className="timeline-controls" role="group" aria-label="Timeline controls">
        <fieldset className="lanes-by">
          <legend>Lanes</legend>
          <label className="check">
            <input
              type="radio"
              name={`${ids}-lanes`}
              checked={lanesBy === 'participant'}
              onChange={() => setLanesBy('participant')}
            />
            By participant
          </label>
          <label className="check">
            <input
              type="radio"
              name={`${ids}-lanes`}
              checked={lanesBy === 'kind'}
              onChange={() => setLanesBy('kind')}
            />
            By kind
          </label>
        </fieldset>
        <span className="field">
          <label htmlFor={`${ids}-zoom`}>Span</label>
          <select id={`${ids}-zoom`} value={zoom} onChange={(e) => setZoom(Number(e.target.value))}>
            {ZOOM_LEVELS_DAYS.map((d, i) => (
              <option key={d} value={i}>
                {ZOOM_LABELS[i]}
              </option>
            ))}
          </select>
        </span>
        <button type="button" onClick={() => zoomBy(-1)} disabled={zoom === 0} aria-label="Zoom in">
          +
        </button>
        <button
          type="button"
          onClick={() => zoomBy(1)}
          disabled={zoom === ZOOM_LEVELS_DAYS.length - 1}
          aria-label="Zoom out"
        >
          −
        </button>
        <button type="button" onClick={() => pan(-0.5)}>
          ← Earlier
        </button>
        <button type="button" onClick={() => pan(0.5)}>
          Later →
        </button>
        <span className="field">
          <label htmlFor={`${ids}-jump`}>Go to day</label>
          <input id={`${ids}-jump`} type="date" onChange={(e) => jumpTo(e.target.value)} />
        </span>
      </div>
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
          <defs>
            <pattern
              id={`${pid}-hatch`}
              width="6"
              height="6"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <rect width="6" height="6" className="hatch-bg" />
              <line x1="0" y1="0" x2="0" y2="6" className="hatch-line" />
            </pattern>
            <pattern
              id={`${pid}-overlap`}
              width="5"
              height="5"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(-45)"
            >
              <rect width="5" height="5" className="overlap-bg" />
              <line x1="0" y1="0" x2="0" y2="5" className="overlap-line" />
            </pattern>
          </defs>
          {/* Axis */}
          <g className="axis" aria-hidden="true">
            {layout.ticks.map((t) => (
              <g key={t.ms}>
                <line
                  x1={x(t.ms)}
                  x2={x(t.ms)}
                  y1={t.major ? 4 : 22}
                  y2={height}
                  className={t.major ? 'tick major' : 'tick'}
                />
                {t.label && (
                  <text x={x(t.ms) + 3} y={t.major ? 16 : 34} className={t.major ? 'tick-label major' : 'tick-label'}>
                    {t.label}
                  </text>
                )}
              </g>
            ))}
          </g>
          {/* Conflict markers */}
          <g className="markers-lane">
            <text x={8} y={AXIS_H + 19} className="lane-label">
              Conflicts ({layout.markers.length})
            </text>
            <line
              x1={0}
              x2={width}
              y1={AXIS_H + MARKER_H}
              y2={AXIS_H + MARKER_H}
              className="lane-sep"
              aria-hidden="true"
            />
            {layout.drawOrder.map((m) => {
              const key = `marker:${m.conflict.id}`;
              const cx = x(m.ms);
              const cy = AXIS_H + MARKER_H / 2;
              return (
                <g
                  key={key}
                  ref={(el) => {
                    if (el) nodes.current.set(key, el);
                    else nodes.current.delete(key);
                  }}
                  role="button"
                  tabIndex={tabStop === key ? 0 : -1}
                  aria-label={`${SEVERITY_LABELS[m.conflict.severity]}: ${RULE_LABELS[m.conflict.rule]}, ${formatLocalDateTime(m.conflict.at, displayZone)}${acceptedIds.has(m.conflict.id) ? ', accepted' : ''}. ${m.conflict.explanation}`}
                  className={`marker severity-${m.conflict.severity}${activeKey === key ? ' active' : ''}${acceptedIds.has(m.conflict.id) ? ' accepted' : ''}`}
                  onClick={() => moveTo(allStops.find((s) => s.key === key))}
                  onFocus={() => setActiveKey(key)}
                >
                  <rect x={cx - 11} y={cy - 11} width={22} height={22} rx={4} className="focus-ring" />
                  {m.conflict.severity === 'warning' ? (
                    <path d={`M${cx} ${cy - 8} L${cx + 8} ${cy + 7} L${cx - 8} ${cy + 7} Z`} className="marker-shape" />
                  ) : m.conflict.severity === 'error' ? (
                    <rect
                      x={cx - 7}
                      y={cy - 7}
                      width={14}
                      height={14}
                      transform={`rotate(45 ${cx} ${cy})`}
                      className="marker-shape"
                    />
                  ) : (
                    <circle cx={cx} cy={cy} r={4} className="marker-shape" />
                  )}
                  <title>{`${SEVERITY_LABELS[m.conflict.severity]}: ${RULE_LABELS[m.conflict.rule]}`}</title>
                </g>
              );
            })}
          </g>
          {/* Lanes */}
          {layout.lanes.map((lane, li) => {
            const top = laneTops[li]!;
            const laneH = lane.rows * ROW_H + LANE_PAD * 2;
            return (
              <g
                key={lane.id}
                className="lane"
                role="group"
                aria-label={`${lane.label}: ${lane.bars.length} ${lane.bars.length === 1 ? 'item' : 'items'}${lane.overlaps.length ? `, ${lane.overlaps.length} ${lane.overlaps.length === 1 ? 'overlap' : 'overlaps'}` : ''}`}
              >
                <rect
                  x={0}
                  y={top}
                  width={width}
                  height={laneH}
                  className={li % 2 ? 'lane-bg odd' : 'lane-bg'}
                  aria-hidden="true"
                />
                {lane.bands.map((b) => (
                  <rect
                    key={b.key}
                    x={x(b.startMs)}
                    y={top}
                    width={Math.max(1, x(b.endMs) - x(b.startMs))}
                    height={laneH}
                    className={`band band-${b.kind}`}
                    fill={b.kind === 'blackout' ? `url(#${pid}-hatch)` : undefined}
                    aria-hidden="true"
                  />
                ))}
                {lane.overlaps.map((o) => (
                  <rect
                    key={`${o.startMs}-${o.endMs}`}
                    x={x(o.startMs)}
                    y={top + 1}
                    width={Math.max(3, x(o.endMs) - x(o.startMs))}
                    height={laneH - 2}
                    className="overlap-span"
                    fill={`url(#${pid}-overlap)`}
                    aria-hidden="true"
                  />
                ))}
                <text x={8} y={top + LANE_PAD + 14} className="lane-label" aria-hidden="true">
                  {truncate(lane.label, LABEL_W - 4)}
                </text>
                {lane.bars.map((bar) => {
                  const bx = x(bar.startMs);
                  const bw = Math.max(5, x(bar.endMs) - bx);
                  const by = top + LANE_PAD + bar.row * ROW_H + (ROW_H - BAR_H) / 2;
                  const cls = [
                    'bar',
                    `type-${bar.item.ref.type}`,
                    `kind-${bar.item.kind}`,
                    `status-${bar.item.status}`,
                    bar.item.optional ? 'optional' : '',
                    bar.severity ? `conflicted severity-${bar.severity}` : '',
                    bar.overlapsWith.length ? 'overlapping' : '',
                    activeKey === bar.key ? 'active' : '',
                    litItems.has(`${bar.item.ref.type}:${bar.item.ref.id}`) ? 'lit' : '',
                  ]
                    .filter(Boolean)
                    .join(' ');
                  const alert = !!bar.severity && bw >= 14;
                  const textX = bx + (alert ? 11 : 4);
                  const showText = bx + bw - textX >= 3 * CHAR_W;
                  const clipId = `${pid}-clip-${li}-${bar.row}-${Math.round(bx)}`;
                  return (
                    <g
                      key={bar.key}
                      ref={(el) => {
                        if (el) nodes.current.set(bar.key, el);
                        else nodes.current.delete(bar.key);
                      }}
                      role="button"
                      tabIndex={tabStop === bar.key ? 0 : -1}
                      aria-label={barLabel(bar, lane.label, conflictsById)}
                      className={cls}
                      onClick={() => moveTo(allStops.find((s) => s.key === bar.key))}
                      onDoubleClick={() => onOpenItem(bar.item.ref)}
                      onFocus={() => setActiveKey(bar.key)}
                    >
                      <rect x={bx - 2} y={by - 2} width={bw + 4} height={BAR_H + 4} rx={5} className="focus-ring" />
                      <rect x={bx} y={by} width={bw} height={BAR_H} rx={3} className="bar-shape" />
                      {alert && (
                        <path d={`M${bx + 5.5} ${by + 3.5}v7.5M${bx + 5.5} ${by + 13}v1.5`} className="bar-alert" />
                      )}
                      {showText && (
                        <>
                          <clipPath id={clipId}>
                            <rect x={textX} y={by} width={bx + bw - textX - 3} height={BAR_H} />
                          </clipPath>
                          {/* The full title, clipped to the bar: what is seen is part of the accessible name. */}
                          <text x={textX} y={by + 13} className="bar-label" clipPath={`url(#${clipId})`}>
                            {bar.item.ref.title}
                          </text>
                        </>
                      )}
                      <title>{`${bar.item.ref.title} — ${bar.when}`}</title>
                    </g>
                  );
                })}
                <line x1={0} x2={width} y1={top + laneH} y2={top + laneH} className="lane-sep" aria-hidden="true" />
              </g>
            );
          })}
          <line x1={LABEL_W} x2={LABEL_W} y1={AXIS_H} y2={height} className="label-sep" aria-hidden="true" />
        </svg>
      </div>
      <Legend pid={pid} />
      <div className="timeline-details" aria-label="Selected on the timeline" role="region">
        {!active ? (
          <p className="hint">Select an item or a conflict marker to see it here.</p>
        ) : active.bar ? (
          <>
            <h3>{active.bar.item.ref.title}</h3>
            <p>
              {active.bar.when} · {active.bar.item.status}
              {active.bar.item.optional ? ' · optional' : ''}
            </p>
            {active.bar.overlapsWith.length > 0 && (
              <p>Overlaps {active.bar.overlapsWith.map((t) => `“${t}”`).join(', ')} in this lane.</p>
            )}
            {activeConflicts.map((c) => (
              <p key={c.id} className="timeline-conflict">
                <SeverityBadge severity={c.severity} /> <strong>{RULE_LABELS[c.rule]}</strong>: {c.explanation}
                {acceptedIds.has(c.id) ? ' (accepted)' : ''}
              </p>
            ))}
            <button type="button" onClick={() => onOpenItem(active.bar!.item.ref)}>
              Open “{active.bar.item.ref.title}”
            </button>
          </>
        ) : active.conflict ? (
          <>
            <h3>
              <SeverityBadge severity={active.conflict.severity} /> {RULE_LABELS[active.conflict.rule]}
            </h3>
            <p>{active.conflict.explanation}</p>
            <button type="button" onClick={() => onShowInList(active.conflict!)}>
              Show in the list
            </button>
          </>
        ) : null}
      </div>
    </div>
  );
}

function Legend({ pid }: { pid: string }) {
  const swatch = (cls: string, fill?: string) => (
    <svg width="28" height="14" aria-hidden="true" focusable="false" className="legend-swatch">
      <rect x="1" y="1" width="26" height="12" rx="2" className={cls} fill={fill} />
    </svg>
  );
  return (
    <ul className="timeline-legend" aria-label="Legend">
      <li>{swatch('bar-shape legend-bar')} Item</li>
      <li>{swatch('bar-shape legend-bar legend-optional')} Optional item (dashed)</li>
      <li>{swatch('bar-shape legend-bar legend-conflicted')} In a conflict (thick outline, “!”)</li>
      <li>{swatch('overlap-span', `url(#${pid}-overlap)`)} Overlap in a lane</li>
      <li>{swatch('band band-window')} Window</li>
      <li>{swatch('band band-blackout', `url(#${pid}-hatch)`)} Blackout (hatched)</li>
    </ul>
  );
}
