import type { PlanWindow } from '../../domain/model';
import { formatDateRange } from '../../domain/time';

/** The side panel's list of the windows and blackouts that meet the visible range. */
export function WindowsInView({ windows, onOpen }: { windows: PlanWindow[]; onOpen: (id: string) => void }) {
  return (
    <section className="cal-panel cal-windows" aria-labelledby="cal-windows-title">
      <h3 id="cal-windows-title">Windows and blackouts in view</h3>
      {windows.length === 0 ? (
        <p className="cal-hint">None.</p>
      ) : (
        <ul>
          {windows.map((w) => (
            <li key={w.id}>
              <span className={`cal-swatch cal-band-${w.kind}`} aria-hidden="true" />
              <span>
                <button type="button" className="link" onClick={() => onOpen(w.id)}>
                  {w.title}
                </button>{' '}
                <span className="cal-hint">
                  {w.kind === 'blackout' ? 'blackout' : 'window'}, {formatDateRange(w.startDate, w.endDate)}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
