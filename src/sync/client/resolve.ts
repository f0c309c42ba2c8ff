/**
 * Sync conflicts: recording those the bridge found (in the local list and, encrypted, in the
 * shared document, so every member sees them), and keeping one side, which is a command.
 */
import type { HistoryChange, HistoryEntry, WritableTable } from '../../domain/model';
import { runCommand } from '../../db/commands';
import type { ConflictRow } from '../../db/sync-store';
import { type BridgeContext, CONFLICTS } from './context';
import { pushEntries } from './outbox';

function entry(changes: HistoryChange[]): HistoryEntry {
  const at = new Date().toISOString();
  return { id: `sync-${at}`, at, deviceId: 'sync', label: 'Sync conflicts', kind: 'edit', itemKeys: [], changes };
}

async function store(ctx: BridgeContext, update: Uint8Array | null, put: ConflictRow[], remove: ConflictRow[]) {
  await ctx.store.transaction('rw', ctx.store.updates, ctx.store.conflicts, async () => {
    if (update) await ctx.store.updates.add({ planId: ctx.planId, update });
    if (put.length) await ctx.store.conflicts.bulkPut(put);
    if (remove.length) await ctx.store.conflicts.bulkDelete(remove.map((c) => [c.planId, c.id] as [string, string]));
  });
}

/** Records the conflicts found, once each: one already in the document (open or settled) is not added again. */
export async function recordFound(ctx: BridgeContext): Promise<void> {
  const found = ctx.found.splice(0);
  if (found.length === 0) return;
  const table = ctx.doc.getMap(await ctx.codec.tableSlot(CONFLICTS));
  const fresh: ConflictRow[] = [];
  for (const c of found) {
    if (fresh.some((f) => f.id === c.id) || table.has(await ctx.codec.recordSlot(CONFLICTS, c.id))) continue;
    fresh.push(c);
  }
  if (fresh.length === 0) return;
  const changes = fresh.map((c) => ({ table: CONFLICTS, id: c.id, title: c.title, before: null, after: { ...c } }));
  await store(ctx, await pushEntries(ctx, [entry(changes)]), fresh, []);
}

/** Writes the lost side back into the plan (a command with its History entry); throws if it does not validate. */
async function keepLost(ctx: BridgeContext, c: ConflictRow): Promise<void> {
  const table = c.table as WritableTable;
  const stored = (await ctx.db.table(table).get(c.recordId)) as Record<string, unknown> | undefined;
  const base = stored ?? (await ctx.db.tombstones.get(`${c.table}/${c.recordId}`))?.record;
  if (!base) throw new Error(`“${c.title}” is no longer in the plan.`);
  const record: Record<string, unknown> = { ...base };
  const values = c.kind === 'delete' ? (c.lost.value as Record<string, unknown>) : { [c.field]: c.lost.value };
  for (const [field, value] of Object.entries(values)) {
    if (value === null) delete record[field];
    else record[field] = value;
  }
  const who = ctx.nameOf(c.lost.by);
  const label =
    c.kind === 'delete'
      ? `Restored “${c.title}” with ${who}’s edit (sync conflict)`
      : `Kept ${who}’s ${c.field} of “${c.title}” (sync conflict)`;
  await runCommand(ctx.db, { label, put: { [table]: [record] } });
}

/** Keeps one side of a conflict and takes it off every member's list. */
export async function resolveConflict(ctx: BridgeContext, c: ConflictRow, keep: 'kept' | 'lost'): Promise<void> {
  if (keep === 'lost') await keepLost(ctx, c);
  const change = { table: CONFLICTS, id: c.id, title: c.title, before: { ...c }, after: null };
  await store(ctx, await pushEntries(ctx, [entry([change])]), [], [c]);
}
