import type { LegMode } from '../../domain/model';
import type { CalendarItem } from './calendar-adapter';

const MARKERS = { error: '✕', warning: '⚠', info: '' } as const;

const MODE_PATHS: Record<LegMode, string> = {
  flight:
    'M8 1c.6 0 1 .5 1 1.2V6l5 3v1.5L9 9v3l1.5 1.2v1.3L8 13.8l-2.5.7v-1.3L7 12V9l-5 1.5V9l5-3V2.2C7 1.5 7.4 1 8 1z',
  rail: 'M4 1.5h8a2 2 0 0 1 2 2V10a2 2 0 0 1-2 2l1.5 2.5h-1.8L10.2 12H5.8l-1.5 2.5H2.5L4 12a2 2 0 0 1-2-2V3.5a2 2 0 0 1 2-2zM4 3.5v3h8v-3H4zm1 4.8a1.1 1.1 0 1 0 0 2.2 1.1 1.1 0 0 0 0-2.2zm6 0a1.1 1.1 0 1 0 0 2.2 1.1 1.1 0 0 0 0-2.2z',
  road: 'M3.3 5 4.7 2h6.6l1.4 3H14v2.6l-.6.6V12h-2v-1.5H4.6V12h-2V8.2L2 7.6V5h1.3zm1.9 0h5.6l-.7-1.5H5.9L5.2 5zM4 8.3a1 1 0 1 0 2 0 1 1 0 0 0-2 0zm6 0a1 1 0 1 0 2 0 1 1 0 0 0-2 0z',
  sea: 'M7 1h2v2h3v4l2 1-2 5H4L2 8l2-1V3h3V1zM6 5v1.2l2-.8 2 .8V5H6zM1 14c1 0 1.5.7 2.3.7S4.7 14 5.6 14s1.5.7 2.4.7 1.5-.7 2.4-.7 1.5.7 2.3.7S14 14 15 14v1.3c-1 0-1.4.7-2.3.7s-1.5-.7-2.3-.7-1.5.7-2.4.7-1.5-.7-2.4-.7-1.5.7-2.3.7S2 15.3 1 15.3V14z',
};

/** A travel mode's icon: decoration beside the words, hidden from screen readers. */
/**
 * A time range ("11:00 AM–1:30 PM") that may break after its dash, and only there: in a narrow
 * week column the end goes to the next line instead of being cut off ("11:00 AM–1:30 P").
 */
function When({ text }: { text: string }) {
  const dash = text.indexOf('–');
  if (dash < 0) return <span className="cal-nw">{text}</span>;
  return (
    <>
      <span className="cal-nw">{text.slice(0, dash + 1)}</span>
      <wbr />
      <span className="cal-nw">{text.slice(dash + 1)}</span>
    </>
  );
}

export function ModeIcon({ mode }: { mode: LegMode }) {
  return (
    <svg className="cal-icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
      <path d={MODE_PATHS[mode]} fill="currentColor" fillRule="evenodd" />
    </svg>
  );
}

/** How much an item shows: a bar (year), start time and title (month), everything (week), everything and "All day" (list). */
export type ContentSize = 'bar' | 'compact' | 'full' | 'row';

/**
 * One item inside the calendar: markers, time, title, and the rest in words for screen readers.
 * Kept cheap: it renders for every visible item on every change.
 */
export function EventContent({ item, size }: { item: CalendarItem; size: ContentSize }) {
  const visible = size !== 'bar';
  return (
    <span
      className={`cal-ev cal-ev-${size}`}
      title={size === 'bar' ? `${item.title} — ${item.displayWhen}` : undefined}
    >
      {visible && item.conflictSeverity && (
        <span className={`cal-marker cal-marker-${item.conflictSeverity}`} aria-hidden="true">
          {MARKERS[item.conflictSeverity]}
        </span>
      )}
      {visible && item.optional && (
        <span className="cal-opt-mark" aria-hidden="true">
          ◇
        </span>
      )}
      {visible && item.type === 'leg' && <ModeIcon mode={item.kind as LegMode} />}
      {visible && item.startTime && (
        <span className="cal-ev-time">{size === 'compact' ? item.startTime : <When text={item.displayWhen} />}</span>
      )}
      {size === 'row' && item.allDay && <span className="cal-ev-time">All day</span>}
      <span className={visible ? 'cal-ev-title' : 'cal-sr'}>{item.title}</span>
      {(size === 'full' || size === 'row') && item.localDiffers && (
        <span className="cal-ev-local">{item.localWhen}</span>
      )}
      <span className="cal-sr">{` — ${item.description}`}</span>
    </span>
  );
}

/** A window or blackout band: its title, small, along the bottom of the days it covers. */
export function BandContent({ item }: { item: CalendarItem }) {
  return (
    <span className={`cal-band-label cal-band-label-${item.kind}`}>
      <span aria-hidden="true">{item.kind === 'blackout' ? '⊘ ' : '▸ '}</span>
      {item.title}
    </span>
  );
}
