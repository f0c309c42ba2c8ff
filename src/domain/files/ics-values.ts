/**
 * Date and date-time values of an iCalendar file as written: "20190101" is a date whether or not
 * VALUE=DATE says so; a date-time is UTC (trailing Z), in a TZID, or floating. Impossible dates
 * (30 February, hour 25) are undefined, never rolled over.
 */

export type TimeValue =
  | { kind: 'date'; wall: number }
  | { kind: 'utc'; ms: number; wall: number }
  | { kind: 'local'; wall: number; tzid?: string };

const DATE = /^(\d{4})(\d{2})(\d{2})$/;
const num = (m: RegExpExecArray, i: number) => Number(m[i] ?? 0);
const DATE_TIME = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/i;

/** Wall ms of a reading, or undefined if the reading is not a real date and time. */
export function wallMs(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number | undefined {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 60) return undefined;
  const ms = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59));
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return ms;
}

/** One value (no commas) with the property's TZID; undefined if it is not a date or date-time. */
export function parseTimeValue(text: string, tzid?: string): TimeValue | undefined {
  const t = text.trim();
  const d = DATE.exec(t);
  if (d) {
    const wall = wallMs(num(d, 1), num(d, 2), num(d, 3));
    return wall === undefined ? undefined : { kind: 'date', wall };
  }
  const m = DATE_TIME.exec(t);
  if (!m) return undefined;
  const wall = wallMs(num(m, 1), num(m, 2), num(m, 3), num(m, 4), num(m, 5), num(m, 6));
  if (wall === undefined) return undefined;
  if (m[7]) return { kind: 'utc', ms: wall, wall };
  return { kind: 'local', wall, ...(tzid ? { tzid } : {}) };
}

/** A PERIOD value: start and either an end or a duration (ms). */
export function parsePeriod(
  text: string,
  tzid?: string,
): { start: TimeValue; end?: TimeValue; durationMs?: number } | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const start = parseTimeValue(text.slice(0, slash), tzid);
  if (!start || start.kind === 'date') return undefined;
  const rest = text.slice(slash + 1).trim();
  if (/^[+-]?P/i.test(rest)) {
    const ms = parseDurationMs(rest);
    return ms === undefined ? undefined : { start, durationMs: ms };
  }
  const end = parseTimeValue(rest, tzid);
  return end && end.kind !== 'date' ? { start, end } : undefined;
}

/** An RFC 5545 DURATION in ms (`P1D`, `PT1H30M`, `P2W`, `-PT15M`), or undefined. */
export function parseDurationMs(text: string): number | undefined {
  const m = /^([+-])?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i.exec(text.trim());
  if (!m || text.trim().toUpperCase().replace(/^[+-]/, '') === 'P' || /T$/i.test(text.trim())) return undefined;
  const n = (i: number) => Number(m[i] ?? 0);
  const ms = (((n(2) * 7 + n(3)) * 24 + n(4)) * 60 + n(5)) * 60_000 + n(6) * 1000;
  return m[1] === '-' ? -ms : ms;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `YYYY-MM-DD` of a wall ms. */
export function isoDateOfWall(wall: number): string {
  const d = new Date(wall);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** `YYYYMMDD` or `YYYYMMDDTHHMMSS` of a wall ms: the suffix of an occurrence's record id. */
export function compactWall(wall: number, isDate: boolean): string {
  const d = new Date(wall);
  const date = `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
  return isDate ? date : `${date}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}

/** `YYYY-MM-DD HH:mm` (or the date) of a wall ms, for messages. */
export function formatWall(wall: number, isDate: boolean): string {
  const s = new Date(wall).toISOString();
  return isDate ? s.slice(0, 10) : `${s.slice(0, 10)} ${s.slice(11, 16)}`;
}
