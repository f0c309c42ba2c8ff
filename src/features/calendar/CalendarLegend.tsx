import { EVENT_KINDS, LEG_MODES, type Status } from '../../domain/model';
import { KIND_LABELS, MODE_LABELS } from '../../domain/model';
import { ModeIcon } from './EventContent';

const STATUS_SAMPLES: { status: Status; text: string }[] = [
  { status: 'held', text: 'Held: solid' },
  { status: 'confirmed', text: 'Confirmed: solid' },
  { status: 'proposed', text: 'Proposed: outlined' },
  { status: 'tentative', text: 'Tentative: striped, dashed edge' },
  { status: 'speculative', text: 'Speculative: faded, dotted edge' },
  { status: 'postponed', text: 'Postponed: struck through' },
  { status: 'cancelled', text: 'Cancelled: struck through' },
];

/** What the colours, styles and markers mean. Every sample also says it in words. */
export function CalendarLegend() {
  return (
    <details className="cal-panel cal-legend" open>
      <summary>Legend</summary>
      <h3>Kind (colour)</h3>
      <ul>
        {EVENT_KINDS.map((k) => (
          <li key={k}>
            <span className={`cal-swatch cal-kind-${k}`} aria-hidden="true" />
            {KIND_LABELS[k]}
          </li>
        ))}
        <li className="cal-legend-legs">
          <span className="cal-swatch cal-kind-flight" aria-hidden="true" />
          <span>
            Travel leg:{' '}
            {LEG_MODES.map((m, i) => (
              <span key={m} className="cal-nowrap">
                <ModeIcon mode={m} /> {MODE_LABELS[m].toLowerCase()}
                {i < LEG_MODES.length - 1 ? ', ' : ''}
              </span>
            ))}
          </span>
        </li>
      </ul>
      <h3>Status (style)</h3>
      <ul>
        {STATUS_SAMPLES.map(({ status, text }) => (
          <li key={status}>
            <span className={`cal-sample cal-item cal-kind-meeting cal-status-${status}`} aria-hidden="true">
              <span className="cal-ev-title">Aa</span>
            </span>
            {text}
          </li>
        ))}
      </ul>
      <h3>Markers and bands</h3>
      <ul>
        <li>
          <span className="cal-sample cal-item cal-kind-meeting cal-status-confirmed cal-optional" aria-hidden="true">
            <span className="cal-opt-mark">◇</span>
          </span>
          ◇ Optional (hidden when “Include optional legs” is off)
        </li>
        <li>
          <span className="cal-marker cal-marker-error" aria-hidden="true">
            ✕
          </span>
          Conflict: error (see Conflicts)
        </li>
        <li>
          <span className="cal-marker cal-marker-warning" aria-hidden="true">
            ⚠
          </span>
          Conflict: warning
        </li>
        <li>
          <span className="cal-swatch cal-band-window" aria-hidden="true" />
          Window, such as APEC leaders’ week
        </li>
        <li>
          <span className="cal-swatch cal-band-blackout" aria-hidden="true" />
          Blackout (holidays, a national congress)
        </li>
      </ul>
      <p className="cal-hint">Overlaps alone and accepted conflicts are not marked; an item’s details list them all.</p>
    </details>
  );
}
