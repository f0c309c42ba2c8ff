/**
 * Document → local. Records changed in the shared document by others are opened, merged with
 * what the plan's table holds (only the fields that changed), checked with the same record
 * schemas as a local write (`validateRecord`), and written through the one write path
 * (`runCommand`) with a History entry naming the member who made the change (device
 * `member:<id>`). A record that fails the check is quarantined with the reason and changes
 * nothing; a record the keys cannot open is counted and left alone.
 */
import type * as Y from 'yjs';
import { type WritableTable, WRITABLE_TABLES, recordTitle, validateRecord } from '../../domain/model';
import { runCommand } from '../../db/commands';
import { ID_SLOT } from '../protocol';
import type { ConflictRow } from '../../db/sync-store';
import { type BridgeContext, CONFLICTS, MEMBER_DEVICE, fieldKey } from './context';
import { deleteConflict, fieldConflict } from './conflict-rows';
import { DELETED, type FieldMeta, type OpenField, hasSeen, sameShared } from './fields';

/** The plan's own tables; a `plans` row (each member's own name for the plan) never travels. */
const TABLES = new Set<string>(WRITABLE_TABLES.filter((t) => t !== 'plans'));

type Row = Record<string, unknown> & { id: string };

/** Changed records read at once by applyDirty. */
const READ_AHEAD = 64;

interface Outcome {
  /** Fields to mark as reflected once the write has committed. */
  known: [string, Uint8Array][];
  table?: WritableTable;
  put?: Row;
  remove?: string;
  title?: string;
  author?: FieldMeta;
  /** A quarantine row this record's valid arrival replaces (deleted before the write). */
  cleared?: string;
}

export interface InboxResult {
  applied: number;
  quarantined: number;
  unreadable: number;
}

async function quarantine(
  ctx: BridgeContext,
  table: string,
  id: string,
  message: string,
  author: FieldMeta | undefined,
  record: Record<string, unknown>,
) {
  await ctx.store.quarantine.put({
    id: `${ctx.planId}/${table}/${id}`,
    planId: ctx.planId,
    table,
    recordId: id,
    message,
    by: author?.b ?? '',
    at: new Date().toISOString(),
    record,
  });
}

interface Changed extends OpenField {
  /** The value the plan's tables showed before, when there was one. */
  old?: OpenField | null;
}

async function changedFields(
  ctx: BridgeContext,
  key: { tableSlot: string; recordSlot: string },
  map: Y.Map<Uint8Array>,
  all: boolean,
  result: InboxResult,
) {
  const changed: Changed[] = [];
  const known: [string, Uint8Array][] = [];
  for (const [slot, bytes] of map) {
    if (slot === ID_SLOT) continue;
    const where = fieldKey(key.tableSlot, key.recordSlot, slot);
    known.push([where, bytes]);
    const before = ctx.known.get(where);
    if (!all && before === bytes) continue;
    const open = await ctx.codec.open(where, bytes);
    if (!open) result.unreadable++;
    else changed.push({ ...open, old: before && before !== bytes ? await ctx.codec.open(where, before) : null });
  }
  return { changed, known };
}

const plain = (f: OpenField) => JSON.stringify(f.meta.x ? null : f.value);

/** A value that replaced one its writer had not seen: the one it replaced is the conflict's lost side. */
function findFieldConflicts(ctx: BridgeContext, at: { table: string; id: string; title: string }, changed: Changed[]) {
  for (const f of changed) {
    const old = f.old;
    if (!old?.meta.i || f.field === DELETED || hasSeen(f.meta, old.meta.i) || plain(f) === plain(old)) continue;
    ctx.found.push(fieldConflict(ctx.planId, at, f, old));
  }
}

/** A deletion whose writer had not seen some of the record's values: those edits are the lost side. */
async function findDeleteConflict(
  ctx: BridgeContext,
  key: { tableSlot: string; recordSlot: string },
  map: Y.Map<Uint8Array>,
  at: { table: string; id: string; title: string },
  marker: OpenField,
) {
  const seen = new Set((marker.value as { seen?: string[] } | null)?.seen ?? []);
  const edits: OpenField[] = [];
  for (const [slot, bytes] of map) {
    if (slot === ID_SLOT) continue;
    const f = await ctx.codec.open(fieldKey(key.tableSlot, key.recordSlot, slot), bytes);
    if (f && f.field !== DELETED && f.meta.i && !seen.has(f.meta.i)) edits.push(f);
  }
  if (edits.length) ctx.found.push(deleteConflict(ctx.planId, at, marker, edits));
}

/** A conflict arriving from another member (the document's own table): kept in the local list. */
async function readConflict(ctx: BridgeContext, id: string, changed: readonly OpenField[]) {
  const key: [string, string] = [ctx.planId, id];
  const marker = changed.find((f) => f.field === DELETED);
  if (marker && !marker.meta.x) {
    await ctx.store.conflicts.delete(key);
    return;
  }
  const row: Record<string, unknown> = { ...((await ctx.store.conflicts.get(key)) ?? {}) };
  for (const f of changed) if (f.field !== DELETED) row[f.field] = f.value;
  if (typeof row.table === 'string' && typeof row.recordId === 'string' && typeof row.field === 'string')
    await ctx.store.conflicts.put({ ...(row as unknown as ConflictRow), id, planId: ctx.planId });
}

/** Reads one changed record and decides what to write (or quarantines it); `stored`: the tables' rows read ahead. */
async function readChanged(
  ctx: BridgeContext,
  recordKeyText: string,
  result: InboxResult,
  stored: ReadonlyMap<string, Row | undefined>,
): Promise<Outcome | null> {
  const [tableSlot, recordSlot] = recordKeyText.split('/') as [string, string];
  const map = ctx.doc.getMap<Y.Map<Uint8Array>>(tableSlot).get(recordSlot);
  if (!map || typeof map.get !== 'function') return null;
  const ids = await ctx.codec.openId(tableSlot, recordSlot, map.get(ID_SLOT));
  if (!ids) {
    result.unreadable += map.size;
    return null;
  }
  const [table, id] = ids;
  const slots = { tableSlot, recordSlot };
  if (table === CONFLICTS) {
    // Every field, not only the changed ones: an update to a conflict that was settled meanwhile
    // (its deletion marker unchanged, so not among the changed fields) must not bring it back.
    const { changed, known } = await changedFields(ctx, slots, map, true, result);
    await readConflict(ctx, id, changed);
    return { known };
  }
  const current = TABLES.has(table)
    ? stored.has(`${table}/${id}`)
      ? stored.get(`${table}/${id}`)
      : ((await ctx.db.table(table).get(id)) as Row | undefined)
    : undefined;
  const afresh = ctx.rebuild.delete(recordKeyText);
  const { changed, known } = await changedFields(ctx, slots, map, !current || afresh, result);
  if (changed.length === 0) return { known };
  const author = changed.reduce((a, f) => (f.meta.t > a.t ? f.meta : a), changed[0]!.meta);
  const candidate: Record<string, unknown> = afresh && current ? { id: current.id } : { ...(current ?? {}) };
  for (const f of changed) {
    if (f.field === DELETED) continue;
    if (f.meta.x) delete candidate[f.field];
    else candidate[f.field] = f.value;
  }
  if (!TABLES.has(table)) {
    await quarantine(
      ctx,
      table,
      id,
      `A record of an unknown kind (“${table}”) arrived and was set aside.`,
      author,
      candidate,
    );
    return null;
  }
  const at = { table, id, title: recordTitle(current ?? candidate) };
  findFieldConflicts(ctx, at, changed);
  const marker = changed.find((f) => f.field === DELETED);
  if (marker && !marker.meta.x) {
    await findDeleteConflict(ctx, slots, map, at, marker);
    return current
      ? { known, table: table as WritableTable, remove: id, title: recordTitle(current), author }
      : { known };
  }
  if (!current && Object.keys(candidate).length === 0) return { known };
  if (ctx.localPlanId !== undefined) candidate.planId = ctx.localPlanId;
  const checked = validateRecord(table as WritableTable, candidate);
  if (!checked.ok) {
    await quarantine(ctx, table, id, checked.error.message, author, candidate);
    return null;
  }
  const value = checked.value as Row;
  const cleared = `${ctx.planId}/${table}/${id}`;
  if (current && sameShared(current, value)) return { known, cleared };
  return { known, cleared, table: table as WritableTable, put: value, title: recordTitle(value), author };
}

function labelFor(name: string, outcomes: readonly Outcome[]): string {
  if (outcomes.length === 1) {
    const o = outcomes[0]!;
    return `${name} ${o.remove ? 'deleted' : 'changed'} “${o.title || o.put?.id || o.remove}” (shared plan)`;
  }
  return `${name} made ${outcomes.length} changes (shared plan)`;
}

async function writeGroup(ctx: BridgeContext, memberId: string, outcomes: readonly Outcome[]) {
  const put: Partial<Record<WritableTable, Row[]>> = {};
  const remove: Partial<Record<WritableTable, string[]>> = {};
  for (const o of outcomes) {
    if (o.put) (put[o.table!] ??= []).push(o.put);
    if (o.remove) (remove[o.table!] ??= []).push(o.remove);
  }
  const name = ctx.nameOf(memberId);
  await runCommand(
    ctx.db,
    { label: labelFor(name, outcomes), put, remove },
    { device: { id: MEMBER_DEVICE + memberId, name } },
  );
}

/** The tables' rows for these record keys (`table/id` → row or undefined), one bulkGet per table. */
async function readAhead(ctx: BridgeContext, keys: readonly string[]): Promise<Map<string, Row | undefined>> {
  const byTable = new Map<string, string[]>();
  await Promise.all(
    keys.map(async (k) => {
      const [tableSlot, recordSlot] = k.split('/') as [string, string];
      const map = ctx.doc.getMap<Y.Map<Uint8Array>>(tableSlot).get(recordSlot);
      if (!map || typeof map.get !== 'function') return;
      const ids = await ctx.codec.openId(tableSlot, recordSlot, map.get(ID_SLOT));
      if (!ids || !TABLES.has(ids[0])) return;
      const list = byTable.get(ids[0]);
      if (list) list.push(ids[1]);
      else byTable.set(ids[0], [ids[1]]);
    }),
  );
  const stored = new Map<string, Row | undefined>();
  for (const [table, ids] of byTable) {
    const rows = (await ctx.db.table(table).bulkGet(ids)) as (Row | undefined)[];
    ids.forEach((id, i) => stored.set(`${table}/${id}`, rows[i]));
  }
  return stored;
}

/** Reflects every dirty record in the plan's tables; failed writes leave their records dirty. */
export async function applyDirty(ctx: BridgeContext): Promise<InboxResult> {
  const result: InboxResult = { applied: 0, quarantined: 0, unreadable: 0 };
  const keys = [...ctx.dirty];
  ctx.dirty.clear();
  const before = await ctx.store.quarantine.count();
  const groups = new Map<string, Outcome[]>();
  const settled: Outcome[] = [];
  try {
    // READ_AHEAD records at once (each waits on WebCrypto and IndexedDB, not on the one before);
    // every key is a different record, and outcomes are taken in the keys' order.
    for (let start = 0; start < keys.length; start += READ_AHEAD) {
      const chunk = keys.slice(start, start + READ_AHEAD);
      const stored = await readAhead(ctx, chunk);
      const read = await Promise.all(chunk.map((k) => readChanged(ctx, k, result, stored)));
      const cleared = read.flatMap((o) => (o?.cleared ? [o.cleared] : []));
      if (cleared.length) await ctx.store.quarantine.bulkDelete(cleared);
      for (const o of read) {
        if (!o) continue;
        if (o.put || o.remove) {
          const by = o.author?.b ?? '';
          const group = groups.get(by);
          if (group) group.push(o);
          else groups.set(by, [o]);
        } else settled.push(o);
      }
    }
    for (const [by, outcomes] of groups) {
      await writeGroup(ctx, by, outcomes);
      settled.push(...outcomes);
      result.applied += outcomes.length;
    }
  } catch (error) {
    for (const k of keys) ctx.dirty.add(k);
    throw error;
  } finally {
    for (const o of settled) for (const [k, v] of o.known) ctx.known.set(k, v);
  }
  result.quarantined = Math.max(0, (await ctx.store.quarantine.count()) - before);
  return result;
}
