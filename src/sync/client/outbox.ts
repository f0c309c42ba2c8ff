/**
 * Local → document. The plan's History is the outbox: every command writes its entry (each
 * record before and after) in the same transaction as the records, so nothing can be written
 * without it. The bridge pushes the entries it has not yet pushed, each as a Yjs transaction
 * that sets only the fields that changed, and moves its cursor in the same transaction of the
 * sync database that stores the update. Entries of changes that came from the shared plan
 * (device `member:…`) are skipped.
 */
import * as Y from 'yjs';
import { entryChanges, type HistoryChange, type HistoryEntry, WRITABLE_TABLES } from '../../domain/model';
import { ID_SLOT } from '../protocol';
import { type BridgeContext, CONFLICTS, MEMBER_DEVICE, fieldKey } from './context';
import { fieldConflict } from './conflict-rows';
import { DELETED, type FieldMeta, chainAfter, fieldChanges, newWriteId } from './fields';
import type { OutboxCursor } from '../../db/sync-store';

/** Entries this far before the cursor are looked at again (a clock set back a little loses nothing). */
const WINDOW_MS = 10 * 60_000;
/** The plan's own tables; a `plans` row (each member's own name for the plan, its deletion) never travels. */
const TABLES = new Set<string>([...WRITABLE_TABLES.filter((t) => t !== 'plans'), CONFLICTS]);

function minus(at: string, ms: number): string {
  const t = Date.parse(at);
  return Number.isFinite(t) ? new Date(t - ms).toISOString() : '';
}

export async function readCursor(ctx: BridgeContext): Promise<OutboxCursor | undefined> {
  return ctx.store.getState<OutboxCursor>(ctx.planId, 'cursor');
}

function belongs(ctx: BridgeContext, e: HistoryEntry): boolean {
  return ctx.localPlanId === undefined || e.planId === undefined || e.planId === ctx.localPlanId;
}

/** A cursor after every entry stored now (for a plan shared or joined now). */
export async function cursorAtEnd(ctx: BridgeContext): Promise<OutboxCursor> {
  const last = await ctx.db.history.orderBy('at').last();
  if (!last) return { at: '', done: [] };
  const rows = await ctx.db.history.where('at').aboveOrEqual(minus(last.at, WINDOW_MS)).primaryKeys();
  return { at: last.at, done: rows };
}

/** The entries not yet pushed, oldest first. */
export async function pendingEntries(ctx: BridgeContext, cursor: OutboxCursor): Promise<HistoryEntry[]> {
  const done = new Set(cursor.done);
  const rows = await ctx.db.history.where('at').aboveOrEqual(minus(cursor.at, WINDOW_MS)).toArray();
  return rows
    .filter((e) => !done.has(e.id) && belongs(ctx, e))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
}

export function advance(cursor: OutboxCursor, entries: readonly HistoryEntry[]): OutboxCursor {
  let at = cursor.at;
  for (const e of entries) if (e.at > at) at = e.at;
  const from = minus(at, WINDOW_MS);
  const keep = new Set(cursor.done);
  for (const e of entries) keep.add(e.id);
  // Ids older than the window are never looked at again; the window itself is kept whole.
  const done = [...keep].filter((id) => {
    const when = /^h-(.+Z)-\d+-/.exec(id)?.[1];
    return when === undefined || when >= from;
  });
  return { at, done };
}

/** Changes sealed at once by pushEntries. */
const SEAL_AHEAD = 64;

interface SealedRecord {
  tableSlot: string;
  recordSlot: string;
  id: Uint8Array | null;
  entries: [slot: string, sealed: Uint8Array][];
}

interface Where {
  tableSlot: string;
  recordSlot: string;
  table: string;
  id: string;
  title: string;
  when: string;
  map: Y.Map<Uint8Array> | undefined;
}

async function sealField(
  ctx: BridgeContext,
  at: Where,
  field: string,
  value: unknown,
  absent = false,
): Promise<[string, Uint8Array]> {
  const slot = await ctx.codec.fieldSlot(at.table, at.id, field);
  const where = fieldKey(at.tableSlot, at.recordSlot, slot);
  const seen = ctx.known.get(where);
  const prev = seen ? await ctx.codec.open(where, seen) : null;
  const meta: FieldMeta = {
    i: newWriteId(),
    b: ctx.me.id,
    t: at.when,
    p: prev?.meta.i ?? null,
    s: chainAfter(prev?.meta),
    ...(absent ? { x: 1 } : {}),
  };
  // The document holds a value of this field that this device never showed: it loses to this write.
  const current = at.map?.get(slot);
  if (current && current !== seen && at.table !== CONFLICTS && field !== DELETED) {
    const lost = await ctx.codec.open(where, current);
    if (lost && JSON.stringify(lost.meta.x ? null : lost.value) !== JSON.stringify(absent ? null : value))
      ctx.found.push(fieldConflict(ctx.planId, at, { field, value: absent ? null : value, meta }, lost));
  }
  return [slot, await ctx.codec.seal(where, field, absent ? null : value, meta)];
}

/** The ids of the writes a record's fields hold now (what a deletion has seen). */
async function seenWrites(
  ctx: BridgeContext,
  tableSlot: string,
  recordSlot: string,
  map: Y.Map<Uint8Array> | undefined,
) {
  const seen: string[] = [];
  for (const [slot] of map ?? []) {
    const bytes = ctx.known.get(fieldKey(tableSlot, recordSlot, slot));
    if (slot === ID_SLOT || !bytes) continue;
    const open = await ctx.codec.open(fieldKey(tableSlot, recordSlot, slot), bytes);
    if (open?.meta.i) seen.push(open.meta.i);
  }
  return seen;
}

async function sealChange(ctx: BridgeContext, change: HistoryChange, when: string): Promise<SealedRecord | null> {
  const { table, id } = change;
  if (!TABLES.has(table) || (!change.before && !change.after)) return null;
  const tableSlot = await ctx.codec.tableSlot(table);
  const recordSlot = await ctx.codec.recordSlot(table, id);
  const map = ctx.doc.getMap<Y.Map<Uint8Array>>(tableSlot).get(recordSlot);
  const at: Where = { tableSlot, recordSlot, table, id, when, map, title: change.title };
  const entries: [string, Uint8Array][] = [];
  if (change.after) {
    const { set, unset } = fieldChanges(change.before, change.after);
    // Sealed side by side (WebCrypto works off the thread); kept in the record's field order.
    entries.push(
      ...(await Promise.all([
        ...Object.entries(set).map(([field, value]) => sealField(ctx, at, field, value)),
        ...unset.map((field) => sealField(ctx, at, field, null, true)),
      ])),
    );
    // A record written again after its deletion (an undo, a restore) is alive again.
    const marker = map?.get(await ctx.codec.fieldSlot(table, id, DELETED));
    if (!change.before && marker) entries.push(await sealField(ctx, at, DELETED, null, true));
  } else {
    entries.push(await sealField(ctx, at, DELETED, { seen: await seenWrites(ctx, tableSlot, recordSlot, map) }));
  }
  if (entries.length === 0) return null;
  const idBytes = map?.has(ID_SLOT) ? null : await ctx.codec.sealId(tableSlot, recordSlot, table, id);
  return { tableSlot, recordSlot, id: idBytes, entries };
}

/**
 * A compact change (a large import, a reset) keeps only the id and revision of its `after`: the
 * record is read from its table (a later change of it is pushed after this one anyway); one no
 * longer stored is left to the entry that deleted it.
 */
async function fullChange(ctx: BridgeContext, c: HistoryChange): Promise<HistoryChange | null> {
  if (!c.brief || !c.after || !TABLES.has(c.table) || c.table === CONFLICTS) return c;
  const after = (await ctx.db.table(c.table).get(c.id)) as Record<string, unknown> | undefined;
  return after ? { ...c, after, brief: undefined } : null;
}

/** Seals the entries' changes and applies them in one Yjs transaction; returns the update it made. */
export async function pushEntries(ctx: BridgeContext, entries: readonly HistoryEntry[]): Promise<Uint8Array | null> {
  const sealed: SealedRecord[] = [];
  // Nothing a seal reads (the document, `known`) changes until the transaction below, so the
  // changes are sealed SEAL_AHEAD at a time, side by side, and kept in their order.
  let sealing: Promise<SealedRecord | null>[] = [];
  const settle = async () => {
    for (const s of await Promise.all(sealing)) if (s) sealed.push(s);
    sealing = [];
  };
  for (const e of entries) {
    if (e.deviceId.startsWith(MEMBER_DEVICE)) continue;
    for (const change of entryChanges(e)) {
      sealing.push(fullChange(ctx, change).then((c) => (c ? sealChange(ctx, c, e.at) : null)));
      if (sealing.length === SEAL_AHEAD) await settle();
    }
  }
  await settle();
  if (sealed.length === 0) return null;
  const before = Y.encodeStateVector(ctx.doc);
  ctx.doc.transact(() => {
    for (const s of sealed) {
      const table = ctx.doc.getMap<Y.Map<Uint8Array>>(s.tableSlot);
      let record = table.get(s.recordSlot);
      if (!record) {
        record = new Y.Map<Uint8Array>();
        table.set(s.recordSlot, record);
      }
      if (s.id && !record.has(ID_SLOT)) record.set(ID_SLOT, s.id);
      for (const [slot, bytes] of s.entries) {
        record.set(slot, bytes);
        ctx.known.set(fieldKey(s.tableSlot, s.recordSlot, slot), bytes);
      }
    }
  }, ctx.origin);
  return Y.encodeStateAsUpdate(ctx.doc, before);
}
