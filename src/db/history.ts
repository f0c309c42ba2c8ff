/**
 * Reading History for the History panel: entries newest first, a page at a time (10,000 entries
 * must not freeze the page), filtered by one item (`table/id`) or by words in the titles of the
 * records an entry changed. Writing History is the write path's job (src/db/commands.ts).
 */
import { entryChanges, tombstoneKey, type HistoryChange, type HistoryEntry } from '../domain/model';
import { COMPACT_KEY } from './commands';
import { inPlan, openPlanId } from './open-plan';
import type { SummitryDb } from './schema';

export interface HistoryQuery {
  /** How many entries to return (the page grows as the user asks for older ones). */
  limit: number;
  /** One item's History: `events/busan-summit-2025`. */
  itemKey?: string;
  /** Words that must all start a word of a title of a record the entry changed (case and accents ignored). */
  text?: string;
}

export interface HistoryPage {
  entries: HistoryEntry[];
  /** True when older entries match too. */
  more: boolean;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Does a change's record title hold every word (each the start of a word)? */
function titleMatcher(text: string): (title: string) => boolean {
  const words = fold(text).split(/\s+/).filter(Boolean);
  return (title) => {
    const starts = fold(title).split(/[^\p{L}\p{N}]+/u);
    return words.every((w) => starts.some((s) => s.startsWith(w)));
  };
}

const newestFirst = (a: HistoryEntry, b: HistoryEntry) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? 1 : -1);

/** The entries of one item: those indexed under it, and the compact ones (imports, resets) that wrote it. */
async function itemEntries(db: SummitryDb, itemKey: string): Promise<HistoryEntry[]> {
  const [own, compact] = await Promise.all([
    db.history.where('itemKeys').equals(itemKey).toArray(),
    db.history.where('itemKeys').equals(COMPACT_KEY).toArray(),
  ]);
  const seen = new Set(own.map((e) => e.id));
  const wrote = compact.filter(
    (e) => !seen.has(e.id) && entryChanges(e).some((c) => tombstoneKey(c.table, c.id) === itemKey),
  );
  return [...own, ...wrote].sort(newestFirst);
}

/** A page of the open plan's History, newest first. */
export async function readHistory(db: SummitryDb, query: HistoryQuery): Promise<HistoryPage> {
  const match = query.text?.trim() ? titleMatcher(query.text) : undefined;
  const mine = inPlan(await openPlanId(db));
  const keep = (e: HistoryEntry) => mine(e) && (!match || entryChanges(e).some((c) => match(c.title)));
  if (query.itemKey) {
    const all = (await itemEntries(db, query.itemKey)).filter(keep);
    return { entries: all.slice(0, query.limit), more: all.length > query.limit };
  }
  const rows = await db.history
    .orderBy('at')
    .reverse()
    .filter(keep)
    .limit(query.limit + 1)
    .toArray();
  return { entries: rows.slice(0, query.limit), more: rows.length > query.limit };
}

/** How many entries the open plan's History holds. */
export async function countHistory(db: SummitryDb): Promise<number> {
  return db.history
    .where('planId')
    .equals(await openPlanId(db))
    .count();
}

/**
 * The record as stored now, if it is still at the revision a change left it (for a compact
 * change, whose `after` holds only id and revision): what History shows as its "after".
 */
export async function storedAfter(db: SummitryDb, change: HistoryChange): Promise<Record<string, unknown> | null> {
  if (!change.brief || !change.after || change.table === 'meta') return change.after;
  const now = (await db.table(change.table).get(change.id)) as Record<string, unknown> | undefined;
  return now && now.rev === change.after.rev ? now : null;
}
