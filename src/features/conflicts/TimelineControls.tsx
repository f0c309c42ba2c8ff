import { useId } from 'react';
import { ZOOM_LEVELS_DAYS } from '../../domain/layout';
import { useConflictsViewStore } from '../../store/conflicts-view-store';

const ZOOM_LABELS = ['1 day', '3 days', '1 week', '2 weeks', '1 month', '3 months', '6 months', '1 year'];

/** Lanes, span, zoom, earlier/later and "go to day" above the overlap timeline. */
export function TimelineControls({ pan, jumpTo }: { pan: (fraction: number) => void; jumpTo: (date: string) => void }) {
  const ids = useId();
  const zoom = useConflictsViewStore((s) => s.timelineZoom);
  const lanesBy = useConflictsViewStore((s) => s.lanesBy);
  const zoomBy = useConflictsViewStore((s) => s.zoomBy);
  const setZoom = useConflictsViewStore((s) => s.setZoom);
  const setLanesBy = useConflictsViewStore((s) => s.setLanesBy);
  return (
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
          <input type="radio" name={`${ids}-lanes`} checked={lanesBy === 'kind'} onChange={() => setLanesBy('kind')} />
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
  );
}
