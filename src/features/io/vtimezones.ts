/**
 * The VTIMEZONE definitions for calendar export, from timezones-ical-library (IANA data, kept up
 * to date by its maintainers). Loaded on demand with a dynamic import so the library lives in its
 * own chunk and costs nothing until a calendar file is written.
 */

/** The VTIMEZONE text for an IANA zone (its TZID the zone's own name), or undefined if the library lacks it. */
export type VtimezoneLookup = (zone: string) => string | undefined;

let loading: Promise<VtimezoneLookup> | undefined;

export function loadVtimezones(): Promise<VtimezoneLookup> {
  loading ??= import('timezones-ical-library').then(({ tzlib_get_ical_block, tzlib_get_timezones }) => {
    const known = new Set(tzlib_get_timezones() as string[]);
    return (zone: string) => {
      if (!known.has(zone)) return undefined;
      const block = tzlib_get_ical_block(zone);
      const text = Array.isArray(block) ? block[0] : undefined;
      if (!text?.startsWith('BEGIN:VTIMEZONE')) return undefined;
      // An alias (Asia/Calcutta) comes back under its canonical name: the TZID must be the one the events use.
      return text.replace(/^TZID:.*$/m, `TZID:${zone}`);
    };
  });
  return loading;
}
