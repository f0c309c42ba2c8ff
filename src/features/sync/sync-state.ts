/**
 * What the header needs to know about sharing, without loading the sync client: whether this
 * browser's plan is shared (its settings, kept in the sync database) and the last status the
 * sync client reported. The client itself (runtime.ts) loads only for a shared plan.
 */
import { create } from 'zustand';
import { SyncStore, type ConflictRow, type QuarantineRow } from '../../db/sync-store';
import type { Role, SerializedKeys, SyncStatus } from '../../sync/protocol';
import { cleanLine } from '../../domain/model';

/** This browser's membership of its shared plan: kept in the sync database (`app/share`). */
export interface ShareConfig {
  url: string;
  /** The shared plan's id (the protocol's). */
  planId: string;
  role: Role;
  name: string;
  memberId: string;
  keys: SerializedKeys;
  /** The plan keys by epoch (base64url), once held. */
  keyring?: Record<string, string>;
  /** For a member who joined by an invitation: its keys and the claim presented when connecting. */
  invite?: SerializedKeys;
  claim?: { body: string; inviteSig: string; memberSig: string };
  /** The owner's first membership list, published when connecting. */
  membership?: { body: string; sig: string };
  /**
   * The local plan that is shared (its records carry this `planId`); only its changes are sent.
   * A share made before there were several plans has none: the plan open when sync starts.
   */
  localPlanId?: string;
}

export interface MemberView {
  id: string;
  name: string;
  role: Role | 'invited';
  me: boolean;
  online: boolean;
}

export interface SyncSnapshot {
  status: SyncStatus;
  pending: number;
  members: MemberView[];
  conflicts: ConflictRow[];
  quarantined: QuarantineRow[];
  /** Plain-words problem (refused write, removed from the plan, keys missing), if any. */
  problem: string | null;
  /** The owner removed this member: the server sends nothing new (the indicator says so). */
  removed?: boolean;
}

export type SyncDialog = 'share' | 'join' | 'panel' | null;

interface SyncUi {
  /** undefined: not read yet; null: this plan is not shared. */
  config: ShareConfig | null | undefined;
  snapshot: SyncSnapshot | null;
  dialog: SyncDialog;
  setConfig: (config: ShareConfig | null) => void;
  setSnapshot: (snapshot: SyncSnapshot | null) => void;
  setDialog: (dialog: SyncDialog) => void;
}

export const useSyncUi = create<SyncUi>((set) => ({
  config: undefined,
  snapshot: null,
  dialog: null,
  setConfig: (config) => set({ config }),
  setSnapshot: (snapshot) => set({ snapshot }),
  setDialog: (dialog) => set({ dialog }),
}));

let store: SyncStore | null = null;
export function syncStore(): SyncStore {
  store ??= new SyncStore();
  return store;
}

const SHARE_KEY = 'share';

export function readShare(): Promise<ShareConfig | undefined> {
  return syncStore().getState<ShareConfig>('app', SHARE_KEY);
}

export async function saveShare(config: ShareConfig): Promise<void> {
  await syncStore().setState('app', SHARE_KEY, config);
  useSyncUi.getState().setConfig(config);
}

/** The part of a `#join=…&server=…` link after `#`, or null when the address holds no invitation. */
/**
 * A member's name as shown (members list, presence, History): it comes from another member's
 * browser, so it is cleaned like every text (no bidi overrides or control characters), one line,
 * at most 80 characters; nothing left gives `fallback`.
 */
export function memberName(raw: unknown, fallback = 'A member'): string {
  return cleanLine(raw, fallback, 80);
}

export function joinFromHash(hash: string): { code: string; server: string } | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const code = params.get('join');
  return code ? { code, server: params.get('server') ?? '' } : null;
}

export function inviteLink(origin: string, code: string, server: string): string {
  return `${origin}/#join=${code}&server=${encodeURIComponent(server)}`;
}

/** The indicator's words: offline / connecting / syncing N changes / saved on the server (or removed). */
export function statusText(s: SyncSnapshot | null): string {
  if (!s) return 'Connecting…';
  if (s.removed) return 'Removed from the plan';
  switch (s.status) {
    case 'offline':
      return 'Offline';
    case 'connecting':
      return 'Connecting…';
    case 'syncing':
      return s.pending > 0 ? `Syncing ${s.pending} change${s.pending === 1 ? '' : 's'}` : 'Syncing…';
    case 'saved':
      return 'Saved on the server';
  }
}
