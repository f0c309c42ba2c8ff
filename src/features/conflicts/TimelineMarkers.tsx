import { RULE_LABELS, SEVERITY_LABELS } from '../../domain/conflicts';
import type { TimelineLayout } from '../../domain/layout';
import { formatLocalDateTime } from '../../domain/time';
import { AXIS_H, MARKER_H, type TimelineScene } from './timeline-scene';

/** The lane of conflict markers: a diamond for an error, a triangle for a warning, a dot for information. */
export function TimelineMarkers({ layout, scene }: { layout: TimelineLayout; scene: TimelineScene }) {
  const { width, x, tabStop, activeKey, setActiveKey, select, refFor, acceptedIds, displayZone } = scene;
  return (
    <g className="markers-lane">
      <text x={8} y={AXIS_H + 19} className="lane-label">
        Conflicts ({layout.markers.length})
      </text>
      <line x1={0} x2={width} y1={AXIS_H + MARKER_H} y2={AXIS_H + MARKER_H} className="lane-sep" aria-hidden="true" />
      {layout.drawOrder.map((m) => {
        const key = `marker:${m.conflict.id}`;
        const cx = x(m.ms);
        const cy = AXIS_H + MARKER_H / 2;
        return (
          <g
            key={key}
            ref={refFor(key)}
            role="button"
            tabIndex={tabStop === key ? 0 : -1}
            aria-label={`${SEVERITY_LABELS[m.conflict.severity]}: ${RULE_LABELS[m.conflict.rule]}, ${formatLocalDateTime(m.conflict.at, displayZone)}${acceptedIds.has(m.conflict.id) ? ', accepted' : ''}. ${m.conflict.explanation}`}
            className={`marker severity-${m.conflict.severity}${activeKey === key ? ' active' : ''}${acceptedIds.has(m.conflict.id) ? ' accepted' : ''}`}
            onClick={() => select(key)}
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
  );
}
