import { RULE_LABELS, SEVERITY_LABELS, type Conflict } from '../../domain/conflicts';
import type { TimelineBar as Bar } from '../../domain/layout';
import { BAR_H, CHAR_W, LANE_PAD, ROW_H, type TimelineScene } from './timeline-scene';

function barLabel(bar: Bar, laneLabel: string, conflictsById: ReadonlyMap<string, Conflict>): string {
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

/** One item on the timeline: a bar with its title clipped to it, focusable, opened by Enter or a double click. */
export function TimelineBarItem({
  bar,
  top,
  laneIndex,
  laneLabel,
  scene,
}: {
  bar: Bar;
  top: number;
  laneIndex: number;
  laneLabel: string;
  scene: TimelineScene;
}) {
  const { pid, x, tabStop, activeKey, setActiveKey, select, refFor, conflictsById, litItems, onOpenItem } = scene;
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
  const clipId = `${pid}-clip-${laneIndex}-${bar.row}-${Math.round(bx)}`;
  return (
    <g
      key={bar.key}
      ref={refFor(bar.key)}
      role="button"
      tabIndex={tabStop === bar.key ? 0 : -1}
      aria-label={barLabel(bar, laneLabel, conflictsById)}
      className={cls}
      onClick={() => select(bar.key)}
      onDoubleClick={() => onOpenItem(bar.item.ref)}
      onFocus={() => setActiveKey(bar.key)}
    >
      <rect x={bx - 2} y={by - 2} width={bw + 4} height={BAR_H + 4} rx={5} className="focus-ring" />
      <rect x={bx} y={by} width={bw} height={BAR_H} rx={3} className="bar-shape" />
      {alert && <path d={`M${bx + 5.5} ${by + 3.5}v7.5M${bx + 5.5} ${by + 13}v1.5`} className="bar-alert" />}
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
}
