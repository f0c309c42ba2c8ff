/**
 * Local hours: a timed event (not a note or holiday) that starts in, or runs into, the local night
 * [nightStartHour, nightEndHour) at its own place; for an event with no place (a call), at each
 * participant's home zone (`participant.timeZone`, else the event's zone). Legs are travel and
 * all-day items have no hours: neither is checked. At most a warning: a late call is a cost, not
 * an impossibility. O(n).
 */
import { clockTime, localWallMs, zoneOffsetMinutes } from '../../time';
import { cityName, dateTimeAt, describe, duration, label, listNames, personName, spanAt, timeAt } from '../describe';
import { build, type Built, type ConflictRecord } from '../make';
import type { Node, PlanIndex } from '../nodes';
import type { ConflictRule } from './rule';

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
export function nightOverlap(
  start: number,
  end: number,
  zone: string,
  startHour: number,
  endHour: number,
): NightHit | null {
  if (!nightOverlapFrom(start, end, zone, localWallMs(start, zone), false, startHour, endHour)) return null;
  return { atMs: hitAt, nightMs: hitNightMs };
}

/** The last hit `nightOverlapFrom` found (kept here, not in an object: a plan can have many). */
let hitAt = 0;
let hitNightMs = 0;

function hit(atMs: number, nightMs: number): true {
  hitAt = atMs;
  hitNightMs = nightMs;
  return true;
}

/**
 * `nightOverlap` given the local wall-clock time of the start, `wallStart` (see `localWallMs`),
 * and whether the zone's offset is known to stay the same until `end` (`steady`). True for a
 * hit, then in `hitAt` and `hitNightMs`.
 */
function nightOverlapFrom(
  start: number,
  end: number,
  zone: string,
  wallStart: number,
  steady: boolean,
  startHour: number,
  endHour: number,
): boolean {
  const ns = startHour * HOUR_MS;
  const ne = endHour * HOUR_MS;
  if (ns === ne) return false;
  const wraps = ns > ne;
  const nightLength = wraps ? DAY_MS - ns + ne : ne - ns;
  const tod = mod(wallStart, DAY_MS);
  const inNight = wraps ? tod >= ns || tod < ne : tod >= ns && tod < ne;
  if (inNight) {
    const toMorning = tod < ne ? ne - tod : DAY_MS - tod + ne;
    return hit(start, Math.min(end - start, toMorning));
  }
  const toNight = ns > tod ? ns - tod : DAY_MS - tod + ns;
  let at = start + toNight;
  // An offset change (DST) between the start and the night's start moves it by at most a few hours.
  if (at - MAX_SHIFT_MS >= end) return false;
  if (!steady) at += wallStart - start - zoneOffsetMinutes(at, zone) * 60_000;
  if (at >= end) return false;
  return hit(at, Math.min(end - at, nightLength));
}

function mod(a: number, m: number): number {
  return ((a % m) + m) % m;
}

export function localHoursRule(index: PlanIndex): Built[] {
  const { nightStartHour, nightEndHour } = index.settings;
  const out: Built[] = [];
  const nodes = index.nodes;
  for (let i = 0; i < nodes.length; i++) {
    const x = nodes[i]!;
    if (x.hoursAtPlace) {
      if (nightOverlapFrom(x.start, x.end, x.zone, x.wallStart, x.steady, nightStartHour, nightEndHour))
        out.push(atPlace(index, x, hitAt, hitNightMs));
      continue;
    }
    const homes = x.homes;
    if (homes.length === 0) continue;
    // A call: each participant's home zone (grouped when the plan was compiled).
    let hits: HomeHit[] | undefined;
    for (let h = 0; h < homes.length; h++) {
      const home = homes[h]!;
      if (nightOverlapFrom(x.start, x.end, home.zone, home.wallStart, home.steady, nightStartHour, nightEndHour))
        (hits ??= []).push({ zone: home.zone, people: home.people, hit: { atMs: hitAt, nightMs: hitNightMs } });
    }
    if (hits) out.push(atHomes(index, x, hits));
  }
  return out;
}

/** "1 h 30 min at night". */
function atNight(ms: number): string {
  return `${duration(ms)} at night`;
}

function nightWords(index: PlanIndex): string {
  const h = (n: number) => clockTime(n % 24, 0);
  return `local night is ${h(index.settings.nightStartHour)}–${h(index.settings.nightEndHour)}`;
}

interface HomeHit {
  zone: string;
  people: readonly string[];
  hit: NightHit;
}

function atPlace(index: PlanIndex, x: Node, atMs: number, nightMs: number): Built {
  return build({
    rule: 'local-hours',
    severity: 'warning',
    parties: x,
    atMs,
    marginMs: nightMs,
    margin: atNight,
    explain: explainAtPlace,
    context: index,
  });
}

/** The hit is the conflict's: it happens at `atMs`, and `marginMs` of it is at night. */
function explainAtPlace(index: PlanIndex, c: ConflictRecord): string {
  const x = c.partyAt(0) as Node;
  const startsAtNight = c.atMs === x.start;
  const what = startsAtNight
    ? `starts at ${timeAt(x.start, x.zone)} local time in ${cityName(index, x.place)}`
    : `runs past ${timeAt(c.atMs, x.zone)} local time in ${cityName(index, x.place)}`;
  return `${capital(describe(x))} ${what}: ${duration(c.marginMs)} of it falls at night (${nightWords(index)}).`;
}

function atHomes(index: PlanIndex, x: Node, hits: HomeHit[]): Built {
  let first = hits[0]!;
  let longest = first;
  let people: string[] = first.people.slice();
  for (let i = 1; i < hits.length; i++) {
    const h = hits[i]!;
    if (h.hit.atMs < first.hit.atMs) first = h;
    if (h.hit.nightMs > longest.hit.nightMs) longest = h;
    people = people.concat(h.people);
  }
  return build({
    rule: 'local-hours',
    severity: 'warning',
    parties: x,
    participantIds: people.length > 1 ? people.sort() : people,
    atMs: first.hit.atMs,
    marginMs: longest.hit.nightMs,
    margin: atNight,
    explain: explainAtHomes,
    context: { index, x, hits },
  });
}

function explainAtHomes({ index, x, hits }: { index: PlanIndex; x: Node; hits: HomeHit[] }): string {
  const parts = hits.map((h) => {
    const names = h.people.length > 0 ? listNames(h.people.map((p) => personName(index, p))) : 'the participants';
    return `it is ${spanAt(x.start, x.end, h.zone)} for ${names} (${h.zone})`;
  });
  return `${capital(label(x))} is at ${dateTimeAt(x.start, x.zone)}, but ${parts.join('; ')}: night there (${nightWords(index)}).`;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const localHours: ConflictRule = {
  id: 'local-hours',
  run: (index) => ({ built: localHoursRule(index), capped: false }),
};
