// Route view figures: building the itinerary (domain) and laying out the map (d3-geo), on the
// sample plan and on a large synthetic one; and projecting the bundled world outline.
import { performance } from 'node:perf_hooks';
import { ALL_VISITS, buildRoute } from '../../src/domain/planning';
import type { Leg, Plan, PlanEvent, Visit } from '../../src/domain/model';
import { buildSamplePlan } from '../../src/domain/sample';
import { layoutMap } from '../../src/domain/layout';
import { world } from '../../src/features/route/world-data';
import { median } from './lib.mjs';

function time(run: () => unknown, runs = 15): number {
  run();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    run();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

function synthetic(visits: number, legsPerVisit: number, eventsPerVisit: number): Plan {
  const plan = buildSamplePlan();
  const cities = plan.places.filter((p) => p.kind === 'city');
  const out: Plan = { ...plan, visits: [], legs: [], events: [] };
  const start = Date.UTC(2026, 0, 1);
  for (let v = 0; v < visits; v++) {
    const visitId = `v${v}`;
    out.visits.push({ ...plan.visits[0]!, id: visitId, title: `Visit ${v}` } as Visit);
    let t = start + v * 30 * 86_400_000;
    for (let l = 0; l < legsPerVisit; l++) {
      const from = cities[(v + l) % cities.length]!;
      const to = cities[(v + l + 1) % cities.length]!;
      out.legs.push({
        id: `v${v}-l${l}`,
        visitId,
        fromPlaceId: from.id,
        toPlaceId: to.id,
        mode: 'flight',
        departsAt: new Date(t).toISOString(),
        arrivesAt: new Date(t + 5 * 3_600_000).toISOString(),
        participantIds: ['trump'],
        status: 'proposed',
        optional: l % 5 === 0,
        sources: [],
      } as unknown as Leg);
      for (let e = 0; e < eventsPerVisit / legsPerVisit; e++) {
        const s = t + (6 + e * 2) * 3_600_000;
        out.events.push({
          ...plan.events.find((x) => x.id === 'draft-state-banquet')!,
          id: `v${v}-e${l}-${e}`,
          visitId,
          placeId: to.id,
          timeZone: to.timeZone,
          startsAt: new Date(s).toISOString(),
          endsAt: new Date(s + 3_600_000).toISOString(),
        } as PlanEvent);
      }
      t += 24 * 3_600_000;
    }
  }
  return out;
}

const options = { displayZone: 'Europe/London', includeOptional: true };
const sample = buildSamplePlan();
const big = synthetic(50, 20, 40);
for (const [name, plan, selection] of [
  ['sample draft visit', sample, 'draft-state-visit-2025'],
  ['sample all visits', sample, ALL_VISITS],
  ['synthetic 50 visits x 20 legs + 40 events', big, ALL_VISITS],
] as const) {
  const build = time(() => buildRoute(plan, selection, options));
  const route = buildRoute(plan, selection, options);
  const layout = time(() => layoutMap(route.legs, route.stops));
  console.log(
    `route case="${name}" legs=${route.legs.length} stops=${route.stops.length} build_ms=${build.toFixed(2)}${route.legs.length >= 1000 ? ' target_build_ms=20' : ''} map_layout_ms=${layout.toFixed(2)}`,
  );
}
const w = world();
const draft = buildRoute(sample, 'draft-state-visit-2025', options);
const l = layoutMap(draft.legs, draft.stops);
const land = time(() => l.path(w.land));
console.log(
  `route case="project world land (110m) for the draft visit" land_path_ms=${land.toFixed(2)} path_chars=${(l.path(w.land) ?? '').length}`,
);
