import type { TimelineLayout } from '../../domain/layout';
import { TimelineBarItem } from './TimelineBarItem';
import { LABEL_W, LANE_PAD, ROW_H, truncate, type TimelineScene } from './timeline-scene';

/** One lane (a participant or a kind): its windows and blackouts as bands, overlaps hatched, its bars. */
export function TimelineLane({
  lane,
  li,
  top,
  scene,
}: {
  lane: TimelineLayout['lanes'][number];
  li: number;
  top: number;
  scene: TimelineScene;
}) {
  const { pid, width, x } = scene;
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
      {lane.bars.map((bar) => (
        <TimelineBarItem key={bar.key} bar={bar} top={top} laneIndex={li} laneLabel={lane.label} scene={scene} />
      ))}
      <line x1={0} x2={width} y1={top + laneH} y2={top + laneH} className="lane-sep" aria-hidden="true" />
    </g>
  );
}
