/** Labels on the route map, placed so that they do not overlap one another, points or leg numbers. */
import type { MapCity } from './map-types';

const LABEL_FONT_PX = 15;
const LABEL_CHAR_PX = 8.6;

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * Greedy label placement: each city, in order, takes the first of eight positions around its
 * point whose box stays inside the map and clear of the labels, points and leg numbers already
 * placed; a city with no free position gets no label (its point still has a name for hover and
 * screen readers). Mutates `cities[i].label`.
 */
export function placeLabels(
  cities: MapCity[],
  badges: readonly { x: number; y: number }[],
  width: number,
  height: number,
  blocked: readonly Box[] = [],
): void {
  const taken: Box[] = [
    ...blocked,
    ...cities.map((c) => ({ x0: c.x - 5, y0: c.y - 5, x1: c.x + 5, y1: c.y + 5 })),
    ...badges.map((b) => ({ x0: b.x - 12, y0: b.y - 12, x1: b.x + 12, y1: b.y + 12 })),
  ];
  const h = LABEL_FONT_PX + 2;
  for (const c of cities) {
    const w = c.name.length * LABEL_CHAR_PX;
    const candidates: { box: Box; label: NonNullable<MapCity['label']> }[] = [
      {
        box: { x0: c.x + 8, y0: c.y - h / 2, x1: c.x + 8 + w, y1: c.y + h / 2 },
        label: { x: c.x + 8, y: c.y + 5, anchor: 'start' },
      },
      {
        box: { x0: c.x - 8 - w, y0: c.y - h / 2, x1: c.x - 8, y1: c.y + h / 2 },
        label: { x: c.x - 8, y: c.y + 5, anchor: 'end' },
      },
      {
        box: { x0: c.x - w / 2, y0: c.y - 8 - h, x1: c.x + w / 2, y1: c.y - 8 },
        label: { x: c.x, y: c.y - 11, anchor: 'middle' },
      },
      {
        box: { x0: c.x - w / 2, y0: c.y + 8, x1: c.x + w / 2, y1: c.y + 8 + h },
        label: { x: c.x, y: c.y + 21, anchor: 'middle' },
      },
      {
        box: { x0: c.x + 6, y0: c.y - 6 - h, x1: c.x + 6 + w, y1: c.y - 6 },
        label: { x: c.x + 6, y: c.y - 9, anchor: 'start' },
      },
      {
        box: { x0: c.x + 6, y0: c.y + 6, x1: c.x + 6 + w, y1: c.y + 6 + h },
        label: { x: c.x + 6, y: c.y + 19, anchor: 'start' },
      },
      {
        box: { x0: c.x - 6 - w, y0: c.y - 6 - h, x1: c.x - 6, y1: c.y - 6 },
        label: { x: c.x - 6, y: c.y - 9, anchor: 'end' },
      },
      {
        box: { x0: c.x - 6 - w, y0: c.y + 6, x1: c.x - 6, y1: c.y + 6 + h },
        label: { x: c.x - 6, y: c.y + 19, anchor: 'end' },
      },
    ];
    const fit = candidates.find(
      ({ box }) =>
        box.x0 >= 2 &&
        box.y0 >= 2 &&
        box.x1 <= width - 2 &&
        box.y1 <= height - 2 &&
        !taken.some((t) => overlaps(t, box)),
    );
    c.label = fit ? fit.label : null;
    if (fit) taken.push(fit.box);
  }
}
