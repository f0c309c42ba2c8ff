/** The overlap timeline's legend: items, optional and conflicted items, overlaps, windows, blackouts. */
export function TimelineLegend({ pid }: { pid: string }) {
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
