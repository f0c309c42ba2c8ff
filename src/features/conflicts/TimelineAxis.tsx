import type { TimelineLayout } from '../../domain/layout';

/** The hatch patterns for blackouts and overlaps (ids made unique per timeline by `pid`). */
export function TimelinePatterns({ pid }: { pid: string }) {
  return (
    <defs>
      <pattern id={`${pid}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" className="hatch-bg" />
        <line x1="0" y1="0" x2="0" y2="6" className="hatch-line" />
      </pattern>
      <pattern id={`${pid}-overlap`} width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">
        <rect width="5" height="5" className="overlap-bg" />
        <line x1="0" y1="0" x2="0" y2="5" className="overlap-line" />
      </pattern>
    </defs>
  );
}

/** The time axis: major ticks with dates, minor ticks with hours or days. */
export function TimelineAxis({
  layout,
  x,
  height,
}: {
  layout: TimelineLayout;
  x: (ms: number) => number;
  height: number;
}) {
  return (
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
  );
}
