/** Words and time strings shared by the route map and the itinerary. */
import type { TimeAt } from '../../domain/planning';

/** The display-zone time of `t`, with its day when that differs from the local day; '' if the same as local. */
export function displayPart(t: TimeAt): string {
  if (t.sameAsDisplay) return '';
  return t.displayDay !== t.localDay ? `${t.displayDay} ${t.display}` : t.display;
}

/** The display-zone clock of `t` without the zone's label ("02:00", "Wed 29 Oct 02:00"); '' if the same as local. */
export function displayClockPart(t: TimeAt): string {
  if (t.sameAsDisplay) return '';
  return t.displayDay !== t.localDay ? `${t.displayDay} ${t.displayClock}` : t.displayClock;
}

/** "09:00 CST (China) [01:00 GMT]": local time at the place, the display zone in square brackets. */
export function timeWithDisplay(t: TimeAt): string {
  const d = displayPart(t);
  return d ? `${t.local} [${d}]` : t.local;
}
