/**
 * The sync client's own database (`summitry-sync`, beside the plan's): per shared plan, the
 * encrypted Yjs document as a log of updates, the outbox cursor over the plan's History, the
 * state vector the plan's tables reflect, and the quarantine (records that arrived invalid).
 * A local change's Yjs update and the cursor that marks it sent are written in one transaction,
 * so a tab closed at any moment either has both or neither (then the change is pushed again).
 */
import Dexie, { type DexieOptions, type Table, liveQuery } from 'dexie';

export const SYNC_DB_NAME = 'summitry-sync';

export interface UpdateRow {
  seq?: number;
  planId: string;
  update: Uint8Array;
}

export interface OutboxCursor {
  /** The `at` of the newest History entry already in the document. */
  at: string;
  /** Entries at or after `at` minus the window that are already in the document. */
  done: string[];
}

export interface StateRow {
  /** `<planId>/<name>`. */
  key: string;
  value: unknown;
}

export interface QuarantineRow {
  /** `<planId>/<table>/<recordId>`: one entry per record, replaced when it arrives again. */
  id: string;
  planId: string;
  table: string;
  recordId: string;
  /** Why it was set aside, in plain words. */
  message: string;
  /** The member who last wrote it (id) and when it arrived. */
  by: string;
  at: string;
  /** The record as it arrived. */
  record: Record<string, unknown>;
}

export interface ConflictSide {
  value: unknown;
  /** The member id and when they wrote it. */
  by: string;
  at: string;
}

/**
 * Two members changed the same field of the same record (`kind: 'field'`), or one deleted a
 * record another edited (`kind: 'delete'`: `field` is `~deleted`, the lost side holds the edited
 * fields). `kept` is what the plan holds now; `lost` waits here until someone keeps one.
 */
export interface ConflictRow {
  /** `<table>/<record id>/<field>/<id of the lost write>`, the same on every member's machine. */
  id: string;
  planId: string;
  kind: 'field' | 'delete';
  table: string;
  recordId: string;
  title: string;
  field: string;
  kept: ConflictSide;
  lost: ConflictSide;
}

export class SyncStore extends Dexie {
  updates!: Table<UpdateRow, number>;
  state!: Table<StateRow, string>;
  quarantine!: Table<QuarantineRow, string>;
  conflicts!: Table<ConflictRow, [string, string]>;

  constructor(name: string = SYNC_DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({ updates: '++seq, planId', state: 'key', quarantine: 'id, planId' });
    /** Version 2: the Sync conflicts list (also kept, encrypted, in the shared document). */
    this.version(2).stores({ conflicts: '[planId+id], planId' });
  }

  async getState<T>(planId: string, name: string): Promise<T | undefined> {
    return (await this.state.get(`${planId}/${name}`))?.value as T | undefined;
  }

  setState(planId: string, name: string, value: unknown): Promise<string> {
    return this.state.put({ key: `${planId}/${name}`, value });
  }
}

/**
 * Calls `listener` after each new History entry of `db` (every command writes one): the sync
 * client's cue to push the outbox. Returns the function that stops watching.
 */
export function watchHistory(db: Dexie & { history: Table<{ at: string }> }, listener: () => void): () => void {
  const sub = liveQuery(() => db.history.orderBy('at').last()).subscribe({ next: listener, error: () => {} });
  return () => sub.unsubscribe();
}
