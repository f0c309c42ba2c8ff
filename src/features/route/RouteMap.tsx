import { useEffect, useId, useMemo, useState } from 'react';
import { formatKm, formatTravelTime, type ItineraryLeg, type ItineraryStop } from '../../domain/planning';
import { layoutMap, type MapLayout } from '../../domain/layout';
import { MODE_LABELS } from '../../domain/model';
import { timeWithDisplay } from './format';
import type { World } from './world-data';

/** The world outline, loaded on first use (a separate chunk: see world-data.ts). */
let worldPromise: Promise<World> | null = null;
function loadWorld(): Promise<World> {
  worldPromise ??= import('./world-data').then((m) => m.world());
  return worldPromise;
}

export function legSummary(l: ItineraryLeg): string {
  return [
    `Leg ${l.seq}: ${MODE_LABELS[l.mode].toLowerCase()}${l.optional ? ' (optional)' : ''}, ${l.from.name} to ${l.to.name}`,
    l.service || null,
    `departs ${l.departs.localDay} ${timeWithDisplay(l.departs)}`,
    `arrives ${l.arrives.localDay} ${timeWithDisplay(l.arrives)}`,
    formatTravelTime(l.durationMs),
    formatKm(l.km),
    l.status,
  ]
    .filter(Boolean)
    .join(', ');
}

/**
 * The route on a world map drawn from bundled Natural Earth data: places as labelled points,
 * legs as great circles in their mode's style (optional legs dashed), numbered in order. Hover or
 * keyboard focus on a leg shows its details; Enter or a click goes to it in the itinerary.
 */
export function RouteMap({
  legs,
  stops,
  activeLegId,
  onActiveLeg,
  onSelectLeg,
  caption,
}: {
  legs: readonly ItineraryLeg[];
  stops: readonly ItineraryStop[];
  activeLegId: string | null;
  onActiveLeg: (id: string | null) => void;
  onSelectLeg: (id: string) => void;
  caption: string;
}) {
  const titleId = useId();
  const [world, setWorld] = useState<World | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    loadWorld().then(
      (w) => alive && setWorld(w),
      (err: unknown) => alive && setLoadError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      alive = false;
    };
  }, []);
  const layout = useMemo(() => layoutMap(legs, stops), [legs, stops]);
  const legById = useMemo(() => new Map(legs.map((l) => [l.id, l])), [legs]);
  const active = activeLegId ? legById.get(activeLegId) : undefined;
  const inset = layout.inset;

  return (
    <figure className="route-map">
      <svg
        className="route-map-svg"
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="group"
        aria-labelledby={titleId}
        data-land={world ? 'drawn' : 'loading'}
      >
        <title id={titleId}>{caption}</title>
        <MapLayers
          layout={layout}
          world={world}
          legById={legById}
          activeLegId={activeLegId}
          onActiveLeg={onActiveLeg}
          onSelectLeg={onSelectLeg}
          interactive
        />
        {inset && (
          <>
            <rect
              className="inset-marker"
              x={inset.marker.x}
              y={inset.marker.y}
              width={inset.marker.width}
              height={inset.marker.height}
              rx={4}
            />
            <g className="map-inset" transform={`translate(${inset.x} ${inset.y})`} aria-hidden="true">
              <rect
                className="inset-frame"
                x={-1}
                y={-1}
                width={inset.layout.width + 2}
                height={inset.layout.height + 2}
                rx={3}
              />
              <svg
                x={0}
                y={0}
                width={inset.layout.width}
                height={inset.layout.height}
                viewBox={`0 0 ${inset.layout.width} ${inset.layout.height}`}
              >
                <MapLayers
                  layout={inset.layout}
                  world={world}
                  legById={legById}
                  activeLegId={activeLegId}
                  onActiveLeg={onActiveLeg}
                  onSelectLeg={onSelectLeg}
                  interactive={false}
                />
              </svg>
              <text className="inset-title" x={8} y={inset.layout.height - 8}>
                Close-up
              </text>
            </g>
          </>
        )}
        <text className="map-credit" x={layout.width - 8} y={layout.height - 8} textAnchor="end">
          Natural Earth
        </text>
      </svg>
      <figcaption>
        <ul className="map-legend" aria-label="Map legend">
          <li>
            <LegendLine mode="flight" /> Flight (great circle)
          </li>
          <li>
            <LegendLine mode="rail" /> Rail
          </li>
          <li>
            <LegendLine mode="road" /> Road
          </li>
          <li>
            <LegendLine mode="flight" optional /> Optional (dashed)
          </li>
        </ul>
        {loadError && (
          <p className="map-error">
            The world outline could not be loaded ({loadError}); the route is drawn without it.
          </p>
        )}
        <p className="map-details" aria-live="polite">
          {active
            ? legSummary(active)
            : legs.length > 0
              ? 'Point at a leg, or Tab to it, for its details; Enter shows it in the itinerary.'
              : 'No legs to draw.'}
        </p>
      </figcaption>
    </figure>
  );
}

function LegendLine({ mode, optional }: { mode: 'flight' | 'rail' | 'road'; optional?: boolean }) {
  return (
    <svg
      className={`legend-line map-leg mode-${mode}${optional ? ' optional' : ''}`}
      viewBox="0 0 36 10"
      aria-hidden="true"
    >
      <path className="leg-line" d="M 2 5 L 34 5" />
      {mode === 'rail' && <path className="leg-rail-inner" d="M 2 5 L 34 5" />}
    </svg>
  );
}

/**
 * One view of the map: sea, land, borders, legs, places, labels and leg numbers. The main map is
 * interactive (each leg focusable, with its details as its name); the close-up only mirrors it.
 */
function MapLayers({
  layout,
  world,
  legById,
  activeLegId,
  onActiveLeg,
  onSelectLeg,
  interactive,
}: {
  layout: MapLayout;
  world: World | null;
  legById: ReadonlyMap<string, ItineraryLeg>;
  activeLegId: string | null;
  onActiveLeg: (id: string | null) => void;
  onSelectLeg: (id: string) => void;
  interactive: boolean;
}) {
  const land = useMemo(() => (world ? (layout.path(world.land) ?? '') : ''), [world, layout]);
  const borders = useMemo(() => (world ? (layout.path(world.borders) ?? '') : ''), [world, layout]);
  return (
    <>
      <path className="map-sphere" d={layout.sphere} />
      <path className="map-graticule" d={layout.graticule} />
      <path className="land" d={land} />
      <path className="map-borders" d={borders} />
      <g className="map-legs">
        {layout.legs.map((ml) => {
          const l = legById.get(ml.id)!;
          const isActive = ml.id === activeLegId;
          const handlers = {
            onMouseEnter: () => onActiveLeg(ml.id),
            onMouseLeave: () => onActiveLeg(null),
            onClick: () => onSelectLeg(ml.id),
          };
          const a11y = interactive
            ? {
                tabIndex: 0,
                role: 'button',
                'aria-label': legSummary(l),
                onFocus: () => onActiveLeg(ml.id),
                onBlur: () => onActiveLeg(null),
                onKeyDown: (e: React.KeyboardEvent) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    onSelectLeg(ml.id);
                  }
                },
              }
            : {};
          return (
            <g
              key={ml.id}
              className={`map-leg mode-${ml.mode}${ml.optional ? ' optional' : ''}${isActive ? ' active' : ''}`}
              data-leg-id={ml.id}
              {...handlers}
              {...a11y}
            >
              {isActive && <path className="leg-halo" d={ml.d} />}
              <path className="leg-hit" d={ml.d} />
              <path className="leg-line" d={ml.d} />
              {ml.mode === 'rail' && <path className="leg-rail-inner" d={ml.d} />}
              {ml.arrow && (
                <path
                  className="leg-arrow"
                  d="M -7 -4.5 L 2 0 L -7 4.5 Z"
                  transform={`translate(${ml.arrow.x} ${ml.arrow.y}) rotate(${ml.arrow.angle})`}
                />
              )}
            </g>
          );
        })}
      </g>
      <g className="map-places" aria-hidden="true">
        {layout.places.map((p) => (
          <circle key={p.id} className="map-place" cx={p.x} cy={p.y} r={2.5}>
            <title>{p.name}</title>
          </circle>
        ))}
      </g>
      <g className="map-cities" aria-hidden={interactive ? undefined : 'true'}>
        {layout.cities.map((c) => (
          <g key={c.id} className={`map-city${c.optional ? ' optional' : ''}`}>
            <circle cx={c.x} cy={c.y} r={5}>
              <title>{c.name}</title>
            </circle>
            {c.label && (
              <text className="map-label" x={c.label.x} y={c.label.y} textAnchor={c.label.anchor}>
                {c.name}
              </text>
            )}
          </g>
        ))}
      </g>
      <g className="map-badges" aria-hidden="true">
        {layout.legs.map(
          (ml) =>
            ml.badge && (
              <g
                key={ml.id}
                className={`map-badge${ml.optional ? ' optional' : ''}${ml.id === activeLegId ? ' active' : ''}`}
              >
                <circle cx={ml.badge.x} cy={ml.badge.y} r={11} />
                <text x={ml.badge.x} y={ml.badge.y + 4.8} textAnchor="middle">
                  {ml.seq}
                </text>
              </g>
            ),
        )}
      </g>
    </>
  );
}
