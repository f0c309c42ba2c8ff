/**
 * Local hours: a timed event (not a note or holiday) that starts in, or runs into, the local night
 * [nightStartHour, nightEndHour) at its own place; for an event with no place (a call), at each
 * participant's home zone (`participant.timeZone`, else the event's zone). Legs are travel and
 * all-day items have no hours: neither is checked. At most a warning: a late call is a cost, not
 * an impossibility. O(n).
 */
import { localWallMs, zoneOffsetMinutes } from '../../time';
import { cityName, dateTimeAt, describe, duration, label, listNames, personName, spanAt, timeAt } from '../describe';
import { build, type Built } from '../make';
import type { Node, PlanIndex } from '../nodes';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MAX_SHIFT_MS = 4 * HOUR_MS;

export interface NightHit {
  /** First instant of the item that falls at night. */
  atMs: number;
  /** How long the item runs at night (within that first night), ms. */
  nightMs: number;
}

/**
 * Does [start, end) (epoch ms) fall in the local night [startHour, endHour) at `zone`?
 * Hours are local wall-clock hours; a night may wrap past midnight (22–07).
 */
export function nightOverlap(start: number, end: number, zone: string, startHour: number, endHour: number): NightHit | null {
  const ns = startHour * HOUR_MS;
  const ne = endHour * HOUR_MS;
  if (ns === ne) return null;
  const wraps = ns > ne;
  const nightLength = wraps ? DAY_MS - ns + ne : ne - ns;
  const tod = mod(localWallMs(start, zone), DAY_MS);
  const inNight = wraps ? tod >= ns || tod < ne : tod >= ns && tod < ne;
  if (inNight) {
    const toMorning = tod < ne ? ne - tod : DAY_MS - tod + ne;
    return { atMs: start, nightMs: Math.min(end - start, toMorning) };
  }
  const toNight = ns > tod ? ns - tod : DAY_MS - tod + ns;
  let at = start + toNight;
  // An offset change (DST) between the start and the night's start moves it by at most a few hours.
  if (at - MAX_SHIFT_MS >= end) return null;
  at += (zoneOffsetMinutes(start, zone) - zoneOffsetMinutes(at, zone)) * 60_000;
  if (at >= end) return null;
  return { atMs: at, nightMs: Math.min(end - at, nightLength) };
}

function mod(a: number, m: number): number {
  return ((a % m) + m) % m;
}

export function localHoursRule(index: PlanIndex): Built[] {
  const { nightStartHour, nightEndHour } = index.settings;
  const out: Built[] = [];
  for (const x of index.nodes) {
    if (x.type !== 'event' || !x.commitment || x.allDay) continue;
    if (x.place) {
      const hit = nightOverlap(x.start, x.end, x.zone, nightStartHour, nightEndHour);
      if (hit) out.push(atPlace(index, x, hit));
      continue;
    }
    // Group participants by home zone (few participants per call: a list beats a map).
    const hits: { zone: string; people: string[]; hit: NightHit }[] = [];
    const checked: string[] = [];
    const ids = x.participants;
    for (let i = 0; i < ids.length; i++) {
      const zone = index.participantById.get(ids[i]!)?.timeZone ?? x.zone;
      if (checked.includes(zone)) continue;
      checked.push(zone);
      const hit = nightOverlap(x.start, x.end, zone, nightStartHour, nightEndHour);
      if (!hit) continue;
      const people: string[] = [];
      for (let j = i; j < ids.length; j++) {
        if ((index.participantById.get(ids[j]!)?.timeZone ?? x.zone) === zone) people.push(ids[j]!);
      }
      hits.push({ zone, people, hit });
    }
    if (ids.length === 0) {
      const hit = nightOverlap(x.start, x.end, x.zone, nightStartHour, nightEndHour);
      if (hit) hits.push({ zone: x.zone, people: [], hit });
    }
    if (hits.length > 0) out.push(atHomes(index, x, hits));
  }
  return out;
}

function nightWords(index: PlanIndex): string {
  const h = (n: number) => `${String(n).padStart(2, '0')}:00`;
  return `local night is ${h(index.settings.nightStartHour)}–${h(index.settings.nightEndHour)}`;
}

function atPlace(index: PlanIndex, x: Node, hit: NightHit): Built {
  return build({
    rule: 'local-hours',
    severity: 'warning',
    parties: [x],
    participantIds: [...x.participants].sort(),
    atMs: hit.atMs,
    marginMs: hit.nightMs,
    margin: `${duration(hit.nightMs)} at night`,
    explain: () => {
      const startsAtNight = hit.atMs === x.start;
      const what = startsAtNight
        ? `starts at ${timeAt(x.start, x.zone)} local time in ${cityName(index, x.place)}`
        : `runs past ${timeAt(hit.atMs, x.zone)} local time in ${cityName(index, x.place)}`;
      return `${capital(describe(x))} ${what}: ${duration(hit.nightMs)} of it falls at night (${nightWords(index)}).`;
    },
  });
}

function atHomes(index: PlanIndex, x: Node, hits: { zone: string; people: string[]; hit: NightHit }[]): Built {
  const people = hits.flatMap((h) => h.people).sort();
  const first = hits.reduce((a, b) => (b.hit.atMs < a.hit.atMs ? b : a));
  const longest = hits.reduce((a, b) => (b.hit.nightMs > a.hit.nightMs ? b : a));
  return build({
    rule: 'local-hours',
    severity: 'warning',
    parties: [x],
    participantIds: people,
    atMs: first.hit.atMs,
    marginMs: longest.hit.nightMs,
    margin: `${duration(longest.hit.nightMs)} at night`,
    explain: () => {
      const parts = hits.map((h) => {
        const names = h.people.length > 0 ? listNames(h.people.map((p) => personName(index, p))) : 'the participants';
        return `it is ${spanAt(x.start, x.end, h.zone)} for ${names} (${h.zone})`;
      });
      return `${capital(label(x))} is at ${dateTimeAt(x.start, x.zone)}, but ${parts.join('; ')}: night there (${nightWords(index)}).`;
    },
  });
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
