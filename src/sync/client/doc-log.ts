/**
 * The shared plan's Yjs document kept in the sync database as a log of updates (what y-indexeddb
 * does, in our own Dexie database so that a local change's update and the outbox cursor share one
 * transaction). Loading merges the log into one update once it grows long.
 */
import * as Y from 'yjs';
import type { SyncStore } from '../../db/sync-store';

/** The origin of the transaction that loads the stored log into the document. */
export const LOADED = Symbol('loaded from the sync database');
const COMPACT_AFTER = 200;

export async function loadDoc(store: SyncStore, planId: string, doc: Y.Doc): Promise<void> {
  const rows = await store.updates.where('planId').equals(planId).toArray();
  if (rows.length === 0) return;
  Y.transact(doc, () => rows.forEach((r) => Y.applyUpdate(doc, r.update)), LOADED);
  if (rows.length > COMPACT_AFTER) {
    const merged = Y.encodeStateAsUpdate(doc);
    await store.transaction('rw', store.updates, async () => {
      await store.updates.bulkDelete(rows.map((r) => r.seq!));
      await store.updates.add({ planId, update: merged });
    });
  }
}

/**
 * Stores every update the document makes from now on (except those of `skip` origins, which
 * their writer stores itself, in its own transaction). Returns a function that stops it and a
 * promise of the writes in flight.
 */
export function persistUpdates(
  store: SyncStore,
  planId: string,
  doc: Y.Doc,
  skip: ReadonlySet<unknown>,
): { stop: () => void; settled: () => Promise<void> } {
  let last: Promise<unknown> = Promise.resolve();
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === LOADED || skip.has(origin)) return;
    last = last.then(() => store.updates.add({ planId, update }));
  };
  doc.on('update', onUpdate);
  return {
    stop: () => doc.off('update', onUpdate),
    settled: async () => {
      await last;
    },
  };
}
