import { describe, expect, it } from 'vitest';
import { ALL_VISITS, buildRoute } from '../../../src/domain/planning/itinerary';
import { buildSamplePlan } from '../../../src/domain/sample/sample-plan';
import { layoutMap, placeLabels, type MapCity, type MapLayout } from '../../../src/domain/layout/map-layout';

const plan = buildSamplePlan();
const route = (selection: string, includeOptional = true) =>
  buildRoute(plan, selection, { displayZone: 'UTC', includeOptional });

/** Approximate label boxes, as the layout estimates them. */
function labelBoxes(layout: MapLayout) {
  return layout.cities.flatMap((c) => {
    if (!c.label) return [];
    const w = c.name.length * 8.6;
    const x0 = c.label.anchor === 'start' ? c.label.x : c.label.anchor === 'end' ? c.label.x - w : c.label.x - w / 2;
    return [{ name: c.name, x0, x1: x0 + w, y0: c.label.y - 12, y1: c.label.y + 3 }];
  });
}

function expectNoOverlaps(layout: MapLayout) {
  const boxes = labelBoxes(layout);
  for (const [i, a] of boxes.entries()) {
    expect(a.x0).toBeGreaterThanOrEqual(0);
    expect(a.x1).toBeLessThanOrEqual(layout.width);
    for (const b of boxes.slice(i + 1)) {
      const overlap = a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
      expect(overlap, `${a.name} overlaps ${b.name}`).toBe(false);
    }
  }
}

describe('route map layout', () => {
  it('draws every leg of the draft visit and gives the close Beijing–Shanghai–Busan cluster a close-up', () => {
    const r = route('draft-state-visit-2025');
    const layout = layoutMap(r.legs, r.stops);
    expect(layout.legs.map((l) => l.id)).toEqual(['draft-leg-1', 'draft-leg-rail', 'draft-leg-2']);
    for (const l of layout.legs) expect(l.d).toMatch(/^M[\d.-]+,[\d.-]+L/);
    expect(layout.cities.map((c) => c.name).sort()).toEqual(['Beijing', 'Busan', 'Shanghai', 'Washington, DC']);
    expect(layout.inset?.cityIds.sort()).toEqual(['beijing', 'busan', 'shanghai']);
    expect(layout.inset?.legIds.sort()).toEqual(['draft-leg-2', 'draft-leg-rail']);
    // The close-up names its cities and numbers its legs; the main map does not repeat those numbers.
    expect(
      layout
        .inset!.layout.cities.filter((c) => c.label)
        .map((c) => c.name)
        .sort(),
    ).toEqual(['Beijing', 'Busan', 'Shanghai']);
    expect(layout.legs.filter((l) => l.badge).map((l) => l.seq)).toEqual([1]);
    expect(layout.inset!.layout.legs.filter((l) => l.badge).map((l) => l.seq)).toEqual([2, 3]);
    expectNoOverlaps(layout);
    expectNoOverlaps(layout.inset!.layout);
    // The inset stays on the map and off the cluster it enlarges.
    const { x, y, marker } = layout.inset!;
    expect(x).toBeGreaterThanOrEqual(0);
    expect(y + layout.inset!.layout.height).toBeLessThanOrEqual(layout.height);
    expect(
      marker.x + marker.width <= x ||
        marker.x >= x + layout.inset!.layout.width ||
        marker.y + marker.height <= y ||
        marker.y >= y + layout.inset!.layout.height,
    ).toBe(true);
  });

  it('draws no close-up when the places are already far enough apart', () => {
    const r = route('trump-korea-2025');
    const layout = layoutMap(r.legs, r.stops);
    expect(layout.inset).toBeNull();
    expect(
      layout.cities
        .filter((c) => c.label)
        .map((c) => c.name)
        .sort(),
    ).toEqual(['Busan', 'Gyeongju']);
    expectNoOverlaps(layout);
  });

  it('spreads the numbers of legs flown over the same pair of cities, both ways', () => {
    const r = route(ALL_VISITS);
    const layout = layoutMap(r.legs, r.stops);
    const badges = layout.legs.flatMap((l) => (l.badge ? [l.badge] : []));
    // Legs 2, 3 and 4 (Beijing–Shanghai, Beijing–Busan, Gyeongju–Busan) are numbered in the close-up.
    expect(layout.inset?.legIds.sort()).toEqual(['draft-leg-2', 'draft-leg-rail', 'korea-leg-marine-one']);
    expect(layout.legs.filter((l) => l.badge).map((l) => l.seq)).toEqual([1, 5, 6, 7, 8]);
    for (const [i, a] of badges.entries())
      for (const b of badges.slice(i + 1)) expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(20);
    expectNoOverlaps(layout);
  });

  it('leaves out what the toggle leaves out', () => {
    const r = route('draft-state-visit-2025', false);
    const layout = layoutMap(r.legs, r.stops);
    expect(layout.legs.map((l) => l.id)).toEqual(['draft-leg-1', 'draft-leg-2']);
    expect(layout.cities.map((c) => c.name)).not.toContain('Shanghai');
  });

  it('shows the whole world for an empty route', () => {
    const layout = layoutMap([], []);
    expect(layout.sphere.length).toBeGreaterThan(100);
    expect([layout.legs, layout.cities, layout.inset]).toEqual([[], [], null]);
  });

  it('labels a crowded point on another side, or not at all when no side is free', () => {
    const cities: MapCity[] = [
      { id: 'a', name: 'Beijing', x: 100, y: 100, optional: false, label: null },
      { id: 'b', name: 'Tianjin', x: 104, y: 100, optional: false, label: null },
    ];
    placeLabels(cities, [], 800, 500);
    // Beijing's label cannot go right (Tianjin's point is there), so it goes left; Tianjin's goes right.
    expect(cities.map((c) => c.label?.anchor)).toEqual(['end', 'start']);
    const boxed: MapCity[] = [{ id: 'c', name: 'Nowhere', x: 10, y: 10, optional: false, label: null }];
    placeLabels(boxed, [], 800, 500, [{ x0: 0, y0: 0, x1: 800, y1: 500 }]);
    expect(boxed[0]!.label).toBeNull();
  });
});
