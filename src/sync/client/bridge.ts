/**
 * The bridge between a shared plan's encrypted Yjs document and the plan's Dexie tables (which
 * stay the read model every view queries). Local commands reach the document through the
 * History outbox (outbox.ts); others' changes reach the tables through the one write path
 * (inbox.ts). All of its work runs one step at a time. The document is kept in the sync database
 * (doc-log.ts), so offline edits survive a reload and are sent once a connection is back.
 */
import * as Y from 'yjs';
import { type HistoryChange, WRITABLE_TABLES } from '../../domain/model';
import type { SummitryDb } from '../../db/schema';
import { type Checkpoint, CheckpointKeeper, type PlanCipher, tagOf } from '../protocol';
import { type BridgeContext, type SyncMember, fieldKey, recordKey } from './context';
import { LOADED, loadDoc, persistUpdates } from './doc-log';
import { FieldCodec } from './fields';
import { type InboxResult, applyDirty } from './inbox';
import { advance, cursorAtEnd, pendingEntries, pushEntries, readCursor } from './outbox';
import type { ConflictRow, SyncStore } from '../../db/sync-store';
import { recordFound, resolveConflict } from './resolve';
import { consultCheckpoint, reread, undoLies } from './trust';

export interface BridgeOptions {
  db: SummitryDb;
  store: SyncStore;
  /** The shared plan's id (the protocol's). */
  planId: string;
  localPlanId?: string;
  me: SyncMember;
  nameOf?: (memberId: string) => string;
  doc?: Y.Doc;
}

/**
 * Sync state: the tags of the checkpoints whose values reached the tables before their
 * verification finished. Written before the values are, cleared when the verification passes (or
 * its lies are corrected), so a reload or a closed tab in between cannot leave a lie in place.
 */
const UNVERIFIED = 'unverifiedCheckpoints';

function sameBytes(a: Uint8Array | undefined, b: Uint8Array): boolean {
  return !!a && a.length === b.length && a.every((x, i) => x === b[i]);
}

export class SyncBridge {
  readonly doc: Y.Doc;
  readonly origin = { bridge: true };
  private ctx: BridgeContext | null = null;
  private readonly known = new Map<string, Uint8Array>();
  private readonly dirty = new Set<string>();
  private readonly rebuild = new Set<string>();
  /** The document's checkpoints (shared with the session on the same document). */
  readonly checkpoints: CheckpointKeeper;
  private chain: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<() => void>();
  private persist: ReturnType<typeof persistUpdates> | null = null;
  /** Tags of the checkpoints whose verification this session started. */
  private readonly verifying = new Set<string>();
  /** Tags an earlier session left unverified (resumed once the first pass is done). */
  private readonly inherited = new Set<string>();
  /** What the last pass over others' changes did. */
  lastInbox: InboxResult = { applied: 0, quarantined: 0, unreadable: 0 };
  error: string | null = null;

  private constructor(private readonly options: BridgeOptions) {
    this.doc = options.doc ?? new Y.Doc();
    this.checkpoints = CheckpointKeeper.of(this.doc);
  }

  /** Opens the document kept for the plan; it starts reading and writing once it has the keys. */
  static async open(options: BridgeOptions): Promise<SyncBridge> {
    const bridge = new SyncBridge(options);
    await loadDoc(options.store, options.planId, bridge.doc);
    bridge.persist = persistUpdates(options.store, options.planId, bridge.doc, new Set([bridge.origin]));
    bridge.doc.on('afterTransaction', bridge.onTransaction);
    return bridge;
  }

  /** How many entries the bridge has taken from checkpoints instead of decrypting them, and how many it decrypted. */
  get opened(): { fromCheckpoint: number; decrypted: number } {
    return { fromCheckpoint: this.ctx?.codec.taken ?? 0, decrypted: this.ctx?.codec.decrypted ?? 0 };
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  private readonly onTransaction = (tr: Y.Transaction) => {
    if (tr.origin === this.origin || tr.origin === LOADED) return;
    let any = false;
    for (const [type, keys] of tr.changed) {
      const item = type._item;
      if (item === null) {
        const tableSlot = Y.findRootTypeKey(type);
        for (const k of keys) if (k !== null) this.dirty.add(recordKey(tableSlot, k));
      } else if (item.parent instanceof Y.AbstractType && item.parent._item === null && item.parentSub) {
        this.dirty.add(recordKey(Y.findRootTypeKey(item.parent), item.parentSub));
      }
      any = true;
    }
    if (any && this.ctx) void this.flush();
  };

  /** Uses these keys from now on (first: starts the bridge; later: after a key rotation). */
  setCipher(cipher: PlanCipher): Promise<void> {
    if (this.ctx) {
      this.ctx.codec.cipher = cipher;
      return this.flush();
    }
    const o = this.options;
    this.ctx = {
      db: o.db,
      store: o.store,
      doc: this.doc,
      planId: o.planId,
      localPlanId: o.localPlanId,
      me: o.me,
      nameOf: o.nameOf ?? (() => 'A member'),
      codec: new FieldCodec(cipher),
      known: this.known,
      dirty: this.dirty,
      rebuild: this.rebuild,
      origin: this.origin,
      found: [],
    };
    this.checkpoints.onLies((lies, checkpoint) => void this.correct(lies, checkpoint));
    return this.run(() => this.start());
  }

  private run<T>(step: () => Promise<T>): Promise<T> {
    const next = this.chain.then(step);
    this.chain = next.then(
      () => {
        this.error = null;
        this.changed();
      },
      (e: unknown) => {
        this.error = e instanceof Error ? e.message : String(e);
        this.changed();
      },
    );
    return next;
  }

  /** Marks what the tables already reflect (written before the stored state vector) and the rest dirty. */
  private async start(): Promise<void> {
    const ctx = this.ctx!;
    const applied = await ctx.store.getState<Uint8Array>(ctx.planId, 'applied');
    const sv = applied ? Y.decodeStateVector(applied) : new Map<number, number>();
    for (const tableSlot of this.doc.share.keys()) {
      const table = this.doc.getMap<Y.Map<Uint8Array>>(tableSlot);
      for (const [recordSlot, map] of table) {
        if (!(map instanceof Y.Map)) continue;
        for (const [slot, item] of map._map) {
          if (item.deleted) continue;
          if (item.id.clock < (sv.get(item.id.client) ?? 0))
            this.known.set(fieldKey(tableSlot, recordSlot, slot), map.get(slot) as Uint8Array);
          else this.dirty.add(recordKey(tableSlot, recordSlot));
        }
      }
    }
    if (!(await readCursor(ctx))) await ctx.store.setState(ctx.planId, 'cursor', await cursorAtEnd(ctx));
    for (const tag of (await ctx.store.getState<string[]>(ctx.planId, UNVERIFIED)) ?? []) this.inherited.add(tag);
    await this.step();
    await this.resumeVerification();
  }

  /**
   * Checkpoints whose values an earlier session put in the tables without finishing their
   * verification: verified now if the document still holds the same one; if it was replaced
   * since, every record is read again from the document (the old checkpoint is gone, so its
   * values cannot be checked one by one).
   */
  private async resumeVerification(): Promise<void> {
    const ctx = this.ctx!;
    const pending = [...this.inherited];
    if (!pending.length) return;
    const current = await this.checkpoints.newest(ctx.codec.cipher);
    const currentTag = current ? tagOf(current.sealed) : null;
    const gone = pending.filter((tag) => tag !== currentTag);
    if (current && currentTag && pending.includes(currentTag)) this.verifyTaken(current);
    if (!gone.length) return;
    for (const tableSlot of this.doc.share.keys())
      for (const [recordSlot, map] of this.doc.getMap<unknown>(tableSlot))
        if (map instanceof Y.Map) reread(ctx, recordKey(tableSlot, recordSlot));
    ctx.codec.checkpoint = null;
    await this.step();
    await this.setUnverified((tags) => tags.filter((t) => !gone.includes(t)));
  }

  private async setUnverified(change: (tags: string[]) => string[]): Promise<void> {
    const ctx = this.ctx!;
    const tags = (await ctx.store.getState<string[]>(ctx.planId, UNVERIFIED)) ?? [];
    const next = change(tags);
    if (next.length !== tags.length || next.some((t, i) => t !== tags[i]))
      await ctx.store.setState(ctx.planId, UNVERIFIED, next);
  }

  /** Verifies a checkpoint whose values reached the tables; a clean result clears its tag. */
  private verifyTaken(checkpoint: Checkpoint): void {
    const tag = tagOf(checkpoint.sealed);
    this.verifying.add(tag);
    void this.checkpoints.verify(this.ctx!.codec.cipher, checkpoint).then((lies) => {
      if (!lies.length) void this.run(() => this.setUnverified((tags) => tags.filter((t) => t !== tag)));
    });
  }

  private async step(): Promise<void> {
    const ctx = this.ctx!;
    const cursor = (await readCursor(ctx))!;
    const entries = await pendingEntries(ctx, cursor);
    if (entries.length) {
      const update = await pushEntries(ctx, entries);
      const sv = Y.encodeStateVector(this.doc);
      await ctx.store.transaction('rw', ctx.store.updates, ctx.store.state, async () => {
        if (update) await ctx.store.updates.add({ planId: ctx.planId, update });
        await ctx.store.setState(ctx.planId, 'cursor', advance(cursor, entries));
        if (this.dirty.size === 0) await ctx.store.setState(ctx.planId, 'applied', sv);
      });
    }
    if (this.dirty.size) {
      await consultCheckpoint(ctx, this.checkpoints);
      const used = ctx.codec.checkpoint;
      const tag = used && tagOf(used.sealed);
      // Noted before any of its values reach the tables, so that a reload before the end of its
      // verification verifies it again.
      if (tag) await this.setUnverified((tags) => (tags.includes(tag) ? tags : [...tags, tag]));
      const taken = ctx.codec.taken;
      this.lastInbox = await applyDirty(ctx);
      // What was taken from a checkpoint is verified in the background (decrypted in slices).
      if (used && ctx.codec.taken > taken) this.verifyTaken(used);
      else if (tag && !this.verifying.has(tag) && !this.inherited.has(tag))
        await this.setUnverified((tags) => tags.filter((t) => t !== tag));
      const sv = Y.encodeStateVector(this.doc);
      const stored = await ctx.store.getState<Uint8Array>(ctx.planId, 'applied');
      if (this.dirty.size === 0 && !sameBytes(stored, sv)) await ctx.store.setState(ctx.planId, 'applied', sv);
    }
    await recordFound(ctx);
  }

  /** A checkpoint lied: the records it got wrong are read again from the document alone. */
  private correct(lies: string[], checkpoint: Checkpoint): Promise<void> {
    return this.run(async () => {
      await undoLies(this.ctx!, lies, checkpoint);
      await this.step();
      const tag = tagOf(checkpoint.sealed);
      await this.setUnverified((tags) => tags.filter((t) => t !== tag));
    });
  }

  /** Keeps one side of a sync conflict (`lost`: writes it back, as a command) and takes it off the list. */
  resolve(conflict: ConflictRow, keep: 'kept' | 'lost'): Promise<void> {
    return this.run(async () => {
      await resolveConflict(this.ctx!, conflict, keep);
      await this.step();
    });
  }

  /** The open sync conflicts of this plan. */
  conflicts(): Promise<ConflictRow[]> {
    return this.options.store.conflicts.where('planId').equals(this.options.planId).toArray();
  }

  /** Pushes local changes not yet in the document and reflects others' changes; resolves when done. */
  flush(): Promise<void> {
    if (!this.ctx) return Promise.resolve();
    return this.run(() => this.step());
  }

  /**
   * Puts every record of the plan into the document (the owner's first share) and moves the
   * outbox past every entry stored now (both read in one transaction).
   */
  shareAll(): Promise<void> {
    return this.run(async () => {
      const ctx = this.ctx!;
      const { db, localPlanId } = ctx;
      const tables = WRITABLE_TABLES.map((t) => db.table(t));
      const { changes, cursor } = await db.transaction('r', [...tables, db.history], async () => {
        const changes: HistoryChange[] = [];
        for (const table of WRITABLE_TABLES) {
          if (table === 'plans') continue;
          const rows = (await db.table(table).toArray()) as Record<string, unknown>[];
          for (const after of rows)
            if (localPlanId === undefined || after.planId === localPlanId)
              changes.push({ table, id: String(after.id), title: '', before: null, after });
        }
        return { changes, cursor: await cursorAtEnd(ctx) };
      });
      const at = new Date().toISOString();
      const update = await pushEntries(ctx, [
        { id: 'share', at, deviceId: 'share', label: 'Shared', kind: 'edit', itemKeys: [], changes },
      ]);
      const sv = Y.encodeStateVector(this.doc);
      await ctx.store.transaction('rw', ctx.store.updates, ctx.store.state, async () => {
        if (update) await ctx.store.updates.add({ planId: ctx.planId, update });
        await ctx.store.setState(ctx.planId, 'cursor', cursor);
        await ctx.store.setState(ctx.planId, 'applied', sv);
      });
      // The owner has every value in hand: a checkpoint now spares each new member a decrypt per field.
      await this.checkpoints.write(ctx.codec.cipher);
    });
  }

  /** Resolves once every update is in the sync database. */
  async settled(): Promise<void> {
    await this.chain;
    await this.persist?.settled();
  }

  destroy(): void {
    this.doc.off('afterTransaction', this.onTransaction);
    this.persist?.stop();
  }
}
