/** What the bridge's two halves (outbox: local → document; inbox: document → local) share. */
import type * as Y from 'yjs';
import type { SummitryDb } from '../../db/schema';
import type { ConflictRow } from '../../db/sync-store';
import type { FieldCodec } from './fields';
import type { SyncStore } from '../../db/sync-store';

export interface SyncMember {
  /** The member id (a hash of their signing key). */
  id: string;
  name: string;
}

/** The device id a change from the shared plan is stamped with: `member:<member id>`. */
export const MEMBER_DEVICE = 'member:';

export interface BridgeContext {
  db: SummitryDb;
  store: SyncStore;
  doc: Y.Doc;
  /** The shared plan's id (the protocol's). */
  planId: string;
  /** The local plan its records belong to (`planId` on each record); undefined: the database's only plan. */
  localPlanId?: string;
  me: SyncMember;
  nameOf: (memberId: string) => string;
  codec: FieldCodec;
  /** The sealed bytes of each field (`tableSlot/recordSlot/slot`) that the plan's tables reflect. */
  known: Map<string, Uint8Array>;
  /** Records (`tableSlot/recordSlot`) changed in the document and not yet reflected. */
  dirty: Set<string>;
  /** Dirty records to read from the document alone (the tables' copy is not to be trusted: a checkpoint lied). */
  rebuild: Set<string>;
  /** The origin of the bridge's own transactions. */
  origin: object;
  /** Sync conflicts found by the last step, to record. */
  found: ConflictRow[];
}

/** The shared document's own table of sync conflicts (encrypted like the plan's records). */
export const CONFLICTS = '~conflicts';

export const fieldKey = (tableSlot: string, recordSlot: string, slot: string) => `${tableSlot}/${recordSlot}/${slot}`;
export const recordKey = (tableSlot: string, recordSlot: string) => `${tableSlot}/${recordSlot}`;
