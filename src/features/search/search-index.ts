/**
 * "Find anything": the plan's items, visits, places, participants and topics as search entries,
 * and their ranking for a query. Matching ignores case and diacritics ("Gyeongju" = "gyeongju",
 * "Nunez" = "Núñez") and each query word may be the start of a word ("bus sum" finds "Busan
 * summit"). Pure: no React, no database.
 */
import type { Plan } from '../../domain/model';

export type SearchKind = 'item' | 'visit' | 'place' | 'participant' | 'topic';

export const KIND_ORDER: readonly SearchKind[] = ['item', 'visit', 'place', 'participant', 'topic'];

export const GROUP_LABELS: Record<SearchKind, string> = {
  item: 'Items',
  visit: 'Visits',
  place: 'Places',
  participant: 'Participants',
  topic: 'Topics',
};

/** Where choosing an entry goes. */
export type SearchTarget =
  | { kind: 'item'; type: 'event' | 'leg' | 'window'; id: string; start: string; zone: string }
  | { kind: 'visit'; id: string }
  | { kind: 'place'; id: string; visitId: string | null }
  | { kind: 'participant'; id: string; name: string }
  | { kind: 'topic'; topic: string };

export interface SearchEntry {
  key: string;
  kind: SearchKind;
  /** What the result shows. */
  label: string;
  /** A short second line: date, country, role. */
  detail: string;
  /** Normalised words of the label (matched first). */
  titleWords: string[];
  /** Normalised words of everything else that finds it (places, people, topics, codes). */
  otherWords: string[];
  /** The label, normalised, for whole-label and prefix matches. */
  title: string;
  target: SearchTarget;
  /** For ties: sooner first (UTC ISO), or "" for timeless entries. */
  when: string;
}

/** Lower case, no diacritics, punctuation as spaces. */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const words = (...texts: (string | undefined)[]) =>
  texts.flatMap((t) => (t ? normalize(t).split(' ') : [])).filter((w) => w.length > 0);

/** Build the entries for a plan. `dateOf` formats an instant as a short local date for the detail line. */
export function buildSearchEntries(plan: Plan, dateOf: (instant: string, zone: string) => string): SearchEntry[] {
  const places = new Map(plan.places.map((p) => [p.id, p]));
  const people = new Map<string, string>(plan.participants.map((p) => [p.id, p.name]));
  const names = (ids: readonly string[]) => ids.map((id) => people.get(id));
  const entries: SearchEntry[] = [];
  const add = (e: Omit<SearchEntry, 'titleWords' | 'title' | 'otherWords'>, extra: (string | undefined)[]) =>
    entries.push({ ...e, title: normalize(e.label), titleWords: words(e.label), otherWords: words(...extra) });

  for (const ev of plan.events) {
    const place = ev.placeId ? places.get(ev.placeId) : undefined;
    add(
      {
        key: `event:${ev.id}`,
        kind: 'item',
        label: ev.title,
        detail: [dateOf(ev.startsAt, ev.timeZone), place?.name].filter(Boolean).join(' · '),
        target: { kind: 'item', type: 'event', id: ev.id, start: ev.startsAt, zone: ev.timeZone },
        when: ev.startsAt,
      },
      [place?.name, place?.country, ...names(ev.participantIds), ...ev.topics],
    );
  }
  for (const leg of plan.legs) {
    const from = places.get(leg.fromPlaceId);
    const to = places.get(leg.toPlaceId);
    const zone = from?.timeZone ?? 'UTC';
    add(
      {
        key: `leg:${leg.id}`,
        kind: 'item',
        label: `${from?.name ?? '?'} → ${to?.name ?? '?'}`,
        detail: [dateOf(leg.departsAt, zone), leg.carrier, leg.number].filter(Boolean).join(' · '),
        target: { kind: 'item', type: 'leg', id: leg.id, start: leg.departsAt, zone },
        when: leg.departsAt,
      },
      [leg.carrier, leg.number, leg.mode, from?.codes?.iata, to?.codes?.iata, ...names(leg.participantIds)],
    );
  }
  for (const w of plan.windows) {
    add(
      {
        key: `window:${w.id}`,
        kind: 'item',
        label: w.title,
        detail: `${w.kind === 'blackout' ? 'Blackout' : 'Window'} · ${dateOf(w.startsAt, w.timeZone)}`,
        target: { kind: 'item', type: 'window', id: w.id, start: w.startsAt, zone: w.timeZone },
        when: w.startsAt,
      },
      [w.kind, ...names(w.participantIds)],
    );
  }
  const visitOfPlace = new Map<string, string>();
  for (const leg of plan.legs)
    if (leg.visitId) for (const p of [leg.fromPlaceId, leg.toPlaceId]) visitOfPlace.set(p, leg.visitId);
  for (const ev of plan.events) if (ev.visitId && ev.placeId) visitOfPlace.set(ev.placeId, ev.visitId);
  for (const v of plan.visits) {
    add(
      {
        key: `visit:${v.id}`,
        kind: 'visit',
        label: v.title,
        detail: [people.get(v.guestId), v.hostCountry].filter(Boolean).join(' · '),
        target: { kind: 'visit', id: v.id },
        when: '',
      },
      [v.hostCountry, people.get(v.guestId), ...names(v.participantIds), ...v.topics],
    );
  }
  for (const p of plan.places) {
    add(
      {
        key: `place:${p.id}`,
        kind: 'place',
        label: p.name,
        detail: [p.country, p.codes?.iata].filter(Boolean).join(' · '),
        target: { kind: 'place', id: p.id, visitId: visitOfPlace.get(p.id) ?? null },
        when: '',
      },
      [p.country, p.codes?.iata, p.codes?.station, p.timeZone],
    );
  }
  for (const p of plan.participants) {
    add(
      {
        key: `participant:${p.id}`,
        kind: 'participant',
        label: p.name,
        detail: [p.role, p.country].filter(Boolean).join(' · '),
        target: { kind: 'participant', id: p.id, name: p.name },
        when: '',
      },
      [p.role, p.country],
    );
  }
  const topics = new Map<string, string>();
  for (const t of [...plan.events.flatMap((e) => e.topics), ...plan.visits.flatMap((v) => v.topics)])
    if (!topics.has(normalize(t))) topics.set(normalize(t), t);
  for (const [n, t] of topics) {
    add(
      { key: `topic:${n}`, kind: 'topic', label: t, detail: 'Topic', target: { kind: 'topic', topic: t }, when: '' },
      [],
    );
  }
  return entries;
}

/**
 * How well `entry` matches the normalised query words: 0 for no match. Every query word must
 * start a word of the entry. Whole label > label starting with the query > all words in the
 * label, the first word first > all words in the label > some words only elsewhere.
 */
export function scoreEntry(entry: SearchEntry, query: string, queryWords: readonly string[]): number {
  if (queryWords.length === 0) return 0;
  let inTitle = 0;
  for (const q of queryWords) {
    if (entry.titleWords.some((w) => w.startsWith(q))) inTitle += 1;
    else if (!entry.otherWords.some((w) => w.startsWith(q))) return 0;
  }
  if (entry.title === query) return 100;
  if (entry.title.startsWith(query)) return 80;
  if (inTitle === queryWords.length) return entry.titleWords[0]?.startsWith(queryWords[0]!) ? 70 : 60;
  return 20 + (40 * inTitle) / queryWords.length;
}

export interface SearchGroup {
  kind: SearchKind;
  label: string;
  entries: SearchEntry[];
}

/** The best `perGroup` matches of each kind, best first (ties: sooner, then by label), in KIND_ORDER. */
export function searchEntries(entries: readonly SearchEntry[], text: string, perGroup = 6): SearchGroup[] {
  const query = normalize(text);
  const queryWords = query ? query.split(' ') : [];
  const scored = entries
    .map((entry) => ({ entry, score: scoreEntry(entry, query, queryWords) }))
    .filter((s) => s.score > 0)
    .sort(
      (a, b) =>
        b.score - a.score ||
        (a.entry.when && b.entry.when ? a.entry.when.localeCompare(b.entry.when) : 0) ||
        a.entry.label.localeCompare(b.entry.label),
    );
  return KIND_ORDER.map((kind) => ({
    kind,
    label: GROUP_LABELS[kind],
    entries: scored
      .filter((s) => s.entry.kind === kind)
      .slice(0, perGroup)
      .map((s) => s.entry),
  })).filter((g) => g.entries.length > 0);
}
