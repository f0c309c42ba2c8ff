import type { Claim, Signed } from '../../src/sync/protocol';

export interface PlanMeta {
  /** The newest owner-signed membership list the server has accepted, and its version. */
  membership: Signed | null;
  version: number;
  /** Invitation claims under it, first claim per invitation only. */
  claims: { inviteId: string; claim: Claim }[];
}

/**
 * Where the server keeps each plan: its Yjs state (ciphertext only) and its membership. Every
 * write is durable before it resolves. storeDocument merges with what is stored, so two server
 * processes storing the same plan never undo each other.
 */
export interface PlanStore {
  loadDocument(name: string): Promise<Uint8Array | null>;
  storeDocument(name: string, state: Uint8Array): Promise<void>;
  loadMeta(name: string): Promise<PlanMeta>;
  /** Replaces the membership only when `version` is newer than the stored one; says whether it did. */
  storeMembership(name: string, membership: Signed, version: number): Promise<boolean>;
  /** Adds a claim unless its invitation is already claimed; says whether it did. */
  addClaim(name: string, inviteId: string, claim: Claim): Promise<boolean>;
  close(): Promise<void>;
}

export const EMPTY_META: PlanMeta = { membership: null, version: 0, claims: [] };
