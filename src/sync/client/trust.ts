/**
 * Checkpoints in the bridge. Before a pass over many changed records (a new member's first sync,
 * a long time offline) the newest checkpoint is consulted, so entries it covers are not
 * decrypted; the checkpoint is then verified in the background. If it lied, checkpoints are
 * ignored for the rest of the session and the records it got wrong are read again the slow way,
 * from the document alone (not merged with the tables' copy, which holds the lie), through the
 * inbox's one write path. A record the checkpoint put under another table or id is taken back out.
 */
import type * as Y from 'yjs';
import { WRITABLE_TABLES } from '../../domain/model';
import { runCommand } from '../../db/commands';
import { type Checkpoint, type CheckpointKeeper, ID_SLOT } from '../protocol';
import { type BridgeContext, MEMBER_DEVICE, fieldKey, recordKey } from './context';

/** Below this many changed records the checkpoint is not worth opening (decrypting a whole plan's worth). */
export const CHECKPOINT_USE_MIN = 100;

const TABLES = new Set<string>(WRITABLE_TABLES.filter((t) => t !== 'plans'));

const isPair = (v: unknown): v is [string, string] =>
  Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string';

/** Lets the codec take entries from the newest checkpoint when many records are to be read. */
export async function consultCheckpoint(ctx: BridgeContext, keeper: CheckpointKeeper): Promise<void> {
  if (keeper.distrusted) ctx.codec.checkpoint = null;
  else if (ctx.dirty.size >= CHECKPOINT_USE_MIN) ctx.codec.checkpoint = await keeper.newest(ctx.codec.cipher);
}

function recordMap(ctx: BridgeContext, key: string): Y.Map<Uint8Array> | undefined {
  const [tableSlot, recordSlot] = key.split('/') as [string, string];
  const map = ctx.doc.getMap<Y.Map<Uint8Array>>(tableSlot).get(recordSlot);
  return map && typeof map.get === 'function' ? map : undefined;
}

/** Marks a record to be read again from the document alone, forgetting what was opened of it. */
export function reread(ctx: BridgeContext, key: string): void {
  const map = recordMap(ctx, key);
  ctx.codec.forget(key, map?.values() ?? []);
  const [tableSlot, recordSlot] = key.split('/') as [string, string];
  for (const slot of map?.keys() ?? []) ctx.known.delete(fieldKey(tableSlot, recordSlot, slot));
  ctx.rebuild.add(key);
  ctx.dirty.add(key);
}

/**
 * After a checkpoint lied at `lies` (places): stops taking from it and marks the records it got
 * wrong for reading again (the caller then runs the inbox). Records it put under a table and id
 * that are not theirs are removed from the tables, unless the document holds that record for real.
 */
export async function undoLies(ctx: BridgeContext, lies: readonly string[], checkpoint: Checkpoint): Promise<void> {
  ctx.codec.checkpoint = null;
  const records = new Set(lies.map((w) => w.slice(0, w.lastIndexOf('/'))));
  const misplaced: [string, string][] = [];
  for (const key of records) {
    const idBytes = recordMap(ctx, key)?.get(ID_SLOT);
    const said = idBytes && lies.includes(`${key}/${ID_SLOT}`) ? checkpoint.take(key, ID_SLOT, idBytes) : undefined;
    if (isPair(said)) misplaced.push(said);
    reread(ctx, key);
  }
  const remove: Record<string, string[]> = {};
  for (const [table, id] of misplaced) {
    const real = recordKey(await ctx.codec.tableSlot(table), await ctx.codec.recordSlot(table, id));
    if (recordMap(ctx, real)) reread(ctx, real);
    else if (TABLES.has(table) && (await ctx.db.table(table).get(id))) (remove[table] ??= []).push(id);
  }
  if (Object.keys(remove).length)
    await runCommand(
      ctx.db,
      { label: 'Took back records a false checkpoint had added (shared plan)', remove },
      { device: { id: `${MEMBER_DEVICE}checkpoint`, name: 'Shared plan check' } },
    );
}
