/**
 * Times of day as people type them into a form, on the 12- or 24-hour clock: "14:30", "1430",
 * "14.30", "2:30 PM", "2:30pm", "2 p.m.". Read into the form's "HH:mm" and written back the way
 * the clock setting shows times everywhere else ("14:30" / "2:30 PM").
 */

/** What a typed time came to: the time as "HH:mm", or why it is not one. */
export type ClockEntry =
  | { ok: true; time: string }
  /** empty: nothing typed; bad: not a time; ambiguous: 1–12 o'clock without AM or PM on the 12-hour clock. */
  | { ok: false; reason: 'empty' | 'bad' | 'ambiguous' };

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** "09:05" / "21:30", or "9:05 AM" / "9:30 PM" on the 12-hour clock. */
export function clockTimeOn(hour: number, minute: number, hour12: boolean): string {
  if (!hour12) return `${pad(hour)}:${pad(minute)}`;
  return `${hour % 12 === 0 ? 12 : hour % 12}:${pad(minute)} ${hour < 12 ? 'AM' : 'PM'}`;
}

/** A form's "HH:mm" as the clock setting writes it ('' stays ''). */
export function formatClockEntry(time: string, hour12: boolean): string {
  const m = /^(\d\d):(\d\d)$/.exec(time);
  if (!m) return time;
  return clockTimeOn(Number(m[1]), Number(m[2]), hour12);
}

// hours, then minutes after ":" or "." (or run together: "930", "1430"), then an optional AM/PM.
const SHAPE = /^(\d{1,2})(?:[:.h]?(\d\d))?\s*(?:([ap])\.?\s*(?:m\.?)?)?$/;
const COMPACT = /^(\d{3,4})\s*(?:([ap])\.?\s*(?:m\.?)?)?$/;

/**
 * Read a typed time of day. A time with AM or PM is read on the 12-hour clock whatever the
 * setting; without one it is a 24-hour time, except that on the 12-hour clock "2:30" (1 to 12
 * o'clock, no AM or PM) could be either and is refused as ambiguous.
 */
export function parseClockEntry(text: string, hour12: boolean): ClockEntry {
  const t = text.trim().toLowerCase();
  if (!t) return { ok: false, reason: 'empty' };
  let hourText: string;
  let minuteText: string | undefined;
  let marker: string | undefined;
  const compact = COMPACT.exec(t);
  if (compact) {
    const digits = compact[1]!;
    hourText = digits.slice(0, digits.length - 2);
    minuteText = digits.slice(-2);
    marker = compact[2];
  } else {
    const m = SHAPE.exec(t);
    if (!m) return { ok: false, reason: 'bad' };
    [, hourText = '', minuteText, marker] = m;
  }
  let hour = Number(hourText);
  const minute = minuteText === undefined ? 0 : Number(minuteText);
  if (minute > 59) return { ok: false, reason: 'bad' };
  if (marker) {
    if (hour < 1 || hour > 12) return { ok: false, reason: 'bad' };
    hour = (hour % 12) + (marker === 'p' ? 12 : 0);
  } else {
    if (hour > 23) return { ok: false, reason: 'bad' };
    if (hour12 && hour >= 1 && hour <= 12) return { ok: false, reason: 'ambiguous' };
  }
  return { ok: true, time: `${pad(hour)}:${pad(minute)}` };
}

/** The plain sentence for a time that could not be read, on the clock in use. */
export function clockEntryProblem(reason: 'empty' | 'bad' | 'ambiguous', hour12: boolean): string {
  if (reason === 'ambiguous') return 'Add AM or PM, like 2:30 PM.';
  if (reason === 'empty') return hour12 ? 'Write a time, like 2:30 PM.' : 'Write a time, like 14:30.';
  return hour12 ? 'Write a time like 2:30 PM.' : 'Write a time like 14:30.';
}
