import type { CalendarApi } from '@fullcalendar/react';
import { useState } from 'react';
import { CALENDAR_VIEWS, VIEW_LABELS, type CalendarViewName } from './calendar-url';

export interface CalendarToolbarProps {
  /** The visible range's title ("October 2025"), or null before the first range is drawn. */
  title: string | null;
  currentView: CalendarViewName;
  /** Run a navigation on the calendar (and stop following the next item). */
  go: (action: (cal: CalendarApi) => void) => void;
  setView: (view: CalendarViewName) => void;
}

/** Previous / Today / Next, the range's title, Go to date and the view buttons. */
export function CalendarToolbar({ title, currentView, go, setView }: CalendarToolbarProps) {
  const [jumpDate, setJumpDate] = useState('');
  return (
    <div className="cal-toolbar" role="toolbar" aria-label="Calendar navigation">
      <div className="cal-nav">
        <button type="button" onClick={() => go((cal) => cal.prev())} aria-keyshortcuts="PageUp">
          <span aria-hidden="true">‹ </span>Previous
        </button>
        <button type="button" onClick={() => go((cal) => cal.today())}>
          Today
        </button>
        <button type="button" onClick={() => go((cal) => cal.next())} aria-keyshortcuts="PageDown">
          Next<span aria-hidden="true"> ›</span>
        </button>
      </div>
      <h2 id="calendar-title" aria-live="polite">
        {title ?? ' '}
      </h2>
      <form
        className="cal-jump"
        onSubmit={(e) => {
          e.preventDefault();
          if (jumpDate) go((cal) => cal.gotoDate(jumpDate));
        }}
      >
        <label htmlFor="cal-jump-date">Go to date</label>
        <input id="cal-jump-date" type="date" value={jumpDate} onChange={(e) => setJumpDate(e.target.value)} />
        <button type="submit">Go</button>
      </form>
      <div className="cal-views" role="group" aria-label="View">
        {CALENDAR_VIEWS.map((v) => (
          <button key={v} type="button" aria-pressed={currentView === v} onClick={() => setView(v)}>
            {VIEW_LABELS[v]}
          </button>
        ))}
      </div>
    </div>
  );
}
