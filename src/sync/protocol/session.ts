/**
 * One member's live connection to a shared plan: the encrypted Yjs document, the Hocuspocus
 * provider, the verified roster and the keyring it unlocks. Works in the browser and in Node
 * (pass `WebSocketPolyfill` there). The roster the server relays is checked here again: a server
 * cannot hand a client a membership list the owner did not sign.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { makeAuthToken } from './auth';
import { fromB64u } from './bytes';
import { type MemberKeys, memberIdOf } from './keys';
import {
  type Claim,
  type Keyring,
  type Membership,
  type RosterEntry,
  type Signed,
  openKeyring,
  rosterOf,
  verifyMembership,
} from './membership';
import { type ClientMessage, type ServerMessage, parseMessage } from './messages';
import { CHECKPOINT_ORIGIN, CheckpointKeeper } from './keeper';
import { type PlainRecord, type ReadCounts, PlanCipher, readAllRecords, writeFields } from './plan-doc';

export type SyncStatus = 'offline' | 'connecting' | 'syncing' | 'saved';

export interface SessionOptions {
  url: string;
  planId: string;
  keys: MemberKeys;
  doc?: Y.Doc;
  /** A membership list to publish when connecting (the owner's first share, or a newer one). */
  membership?: Signed;
  /** An invitation claim to present when connecting (a new member's first connection). */
  claim?: Claim;
  /** The invitation's keys (from its link) when this member joined by one: the keyring is wrapped for it. */
  invite?: MemberKeys;
  keyring?: Keyring;
  WebSocketPolyfill?: unknown;
  now?: () => Date;
  /** How long the document stays unchanged before an owner or editor looks at writing a checkpoint (ms). */
  checkpointIdleMs?: number;
}

/** True when every change `local` has seen is in `stored` (both Yjs state vectors). */
export function covers(stored: Uint8Array, local: Uint8Array): boolean {
  const s = Y.decodeStateVector(stored);
  for (const [client, clock] of Y.decodeStateVector(local)) if ((s.get(client) ?? 0) < clock) return false;
  return true;
}

/**
 * Both state vectors at once: per client, the higher clock. Each server process stores what it
 * holds and the store merges, so every change either vector names is stored.
 */
export function unionOf(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = Y.decodeStateVector(a);
  for (const [client, clock] of Y.decodeStateVector(b)) if ((out.get(client) ?? 0) < clock) out.set(client, clock);
  return Y.encodeStateVector(out);
}

export class SyncSession {
  readonly doc: Y.Doc;
  readonly provider: HocuspocusProvider;
  membership: Membership | null = null;
  roster: RosterEntry[] = [];
  /** The invitation claims the server relayed with the roster (the owner needs them to remove someone). */
  claims: Claim[] = [];
  keyring: Keyring | null;
  cipher: PlanCipher | null = null;
  refusals: string[] = [];
  authFailure: string | null = null;
  /** Why the server last closed this plan's connection (e.g. the member was removed). */
  closedReason: string | null = null;
  private storedVector: Uint8Array | null = null;
  private readonly listeners = new Set<() => void>();
  private memberId: string | null = null;
  /** The document's checkpoints (shared with the app's bridge on the same document). */
  readonly checkpoints: CheckpointKeeper;
  private checkpointTimer: ReturnType<typeof setTimeout> | null = null;
  /** The roster messages being checked, in the order they came. */
  private rosters: Promise<void> = Promise.resolve();

  constructor(private readonly options: SessionOptions) {
    this.doc = options.doc ?? new Y.Doc();
    this.checkpoints = CheckpointKeeper.of(this.doc);
    this.doc.on('update', this.onUpdate);
    this.keyring = options.keyring ?? null;
    const socket = new HocuspocusProviderWebsocket({
      url: options.url,
      WebSocketPolyfill: options.WebSocketPolyfill,
      delay: 100,
      minDelay: 100,
      factor: 1.5,
      maxDelay: 2000,
      autoConnect: true,
    });
    this.provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: options.planId,
      document: this.doc,
      token: () =>
        makeAuthToken(options.keys, options.planId, options.now?.() ?? new Date(), {
          membership: options.membership,
          claim: options.claim,
        }),
      onStateless: ({ payload }) => void this.onMessage(payload),
      onAuthenticationFailed: ({ reason }) => {
        this.authFailure = reason;
        this.changed();
      },
      onClose: ({ event }) => {
        if (event.reason) this.closedReason = event.reason;
        this.forgetOthersPresence();
        this.changed();
      },
      onStatus: () => this.changed(),
      onUnsyncedChanges: () => this.changed(),
      onSynced: () => {
        this.scheduleCheckpoint();
        this.changed();
      },
    });
    this.provider.attach();
    if (this.keyring) void this.useKeyring(this.keyring);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  /** Uses this keyring from now on (the owner, right after rotating it). */
  async useKeyring(keyring: Keyring): Promise<void> {
    const cipher = await PlanCipher.open(this.options.planId, keyring, this.cipher?.texts);
    this.keyring = keyring;
    this.cipher = cipher;
    this.scheduleCheckpoint();
    this.changed();
  }

  private readonly onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin !== CHECKPOINT_ORIGIN) this.scheduleCheckpoint();
  };

  /** Looks at writing a checkpoint once the document has been still for a while (off any edit's path). */
  private scheduleCheckpoint(): void {
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    this.checkpointTimer = setTimeout(() => {
      this.checkpointTimer = null;
      void this.maybeCheckpoint();
    }, this.options.checkpointIdleMs ?? 1500);
  }

  /** This member's role on the verified roster (null before the first roster). */
  get role(): RosterEntry['role'] | null {
    return this.roster.find((r) => r.id === this.memberId)?.role ?? null;
  }

  /**
   * Writes a checkpoint when this member may write (owner, editor), is synced, and the document's
   * newest checkpoint is under an older key or covers too little of it. `force`: write one now
   * (an owner sharing a plan).
   */
  async maybeCheckpoint(force = false): Promise<void> {
    const cipher = this.cipher;
    if (!cipher || (this.role !== 'owner' && this.role !== 'editor')) return;
    if (force) await this.checkpoints.write(cipher);
    else if (this.provider.isSynced) await this.checkpoints.maybeWrite(cipher);
  }

  private async onMessage(payload: string): Promise<void> {
    const message = parseMessage<ServerMessage>(payload);
    if (message?.type === 'stored') {
      // Taken together with what was said before, not instead: with several server processes,
      // an older process's word can arrive after a newer one's (through Redis) and would
      // otherwise leave 'syncing' showing until the next change.
      const said = fromB64u(message.stateVector);
      this.storedVector = this.storedVector ? unionOf(this.storedVector, said) : said;
      this.changed();
    } else if (message?.type === 'refused') this.refusals.push(message.reason);
    else if (message?.type === 'roster') {
      // One roster at a time, in the order they came: checking one takes several awaits, and an
      // older list (fewer claims, same version) must never land after a newer one.
      const { membership, claims } = message;
      const checked = this.rosters.then(() => this.onRoster(membership, claims));
      this.rosters = checked.catch(() => undefined);
      await checked;
    }
    this.changed();
  }

  /**
   * The connection closed: the provider has dropped everyone else's presence, but it keeps the
   * clock it last saw for each of them, and the server's first message on the next connection
   * repeats those same clocks, which the awareness protocol ignores as old news. Forgetting the
   * clocks lets that message show who is here at once, instead of after each member's next
   * renewal (every 15 s, or longer on a busy machine).
   */
  private forgetOthersPresence(): void {
    const awareness = this.provider.awareness;
    if (!awareness) return;
    for (const id of [...awareness.meta.keys()])
      if (id !== awareness.clientID && !awareness.states.has(id)) awareness.meta.delete(id);
  }

  private async onRoster(signed: Signed, claims: Claim[]): Promise<void> {
    let m: Membership;
    try {
      m = await verifyMembership(signed, this.options.planId);
    } catch (error) {
      this.refusals.push(`The server sent a membership list that does not check: ${(error as Error).message}`);
      return;
    }
    if (this.membership && m.version < this.membership.version) return;
    this.membership = m;
    this.roster = await rosterOf(m, claims);
    this.claims = claims;
    this.memberId ??= await memberIdOf(this.options.keys.signPub);
    this.scheduleCheckpoint();
    const invite = this.options.invite;
    const viaInvite = !m.keys[this.memberId] && invite;
    const recipient = viaInvite ? await memberIdOf(invite.signPub) : this.memberId;
    if (!m.keys[recipient]) return;
    try {
      const dhPrivate = viaInvite ? invite.dhPrivate : this.options.keys.dhPrivate;
      await this.useKeyring(await openKeyring(m, recipient, dhPrivate));
    } catch (error) {
      this.refusals.push(`The plan’s keys could not be opened: ${(error as Error).message}`);
    }
  }

  /** Resolves once a keyring is held (from the options or a roster); rejects if the server refuses this member. */
  ready(): Promise<PlanCipher> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.cipher) resolve(this.cipher);
        else if (this.authFailure) reject(new Error(this.authFailure));
        else return;
        off();
      };
      const off = this.subscribe(check);
      check();
    });
  }

  get status(): SyncStatus {
    const ws = this.provider.configuration.websocketProvider;
    if (ws.status === 'disconnected') return 'offline';
    if (ws.status === 'connecting' || !this.provider.isSynced) return 'connecting';
    return this.isSaved() ? 'saved' : 'syncing';
  }

  /** The state vector the server last said it stored, or null before the first such message. */
  get storedStateVector(): Uint8Array | null {
    return this.storedVector;
  }

  get pendingChanges(): number {
    return this.provider.unsyncedChanges;
  }

  /** True when the server has said it stored every change this document holds. */
  isSaved(): boolean {
    return this.storedVector !== null && covers(this.storedVector, Y.encodeStateVector(this.doc));
  }

  async write(table: string, id: string, fields: Record<string, unknown>): Promise<void> {
    await writeFields(this.doc, await this.ready(), table, id, fields, this);
  }

  /**
   * Every record this keyring can read: entries the newest checkpoint covers are taken from it,
   * the rest decrypted; a checkpoint used is then verified in the background (`checkpoints.verified()`).
   */
  async readAll(): Promise<{ records: PlainRecord[] } & ReadCounts> {
    const cipher = await this.ready();
    const checkpoint = await this.checkpoints.newest(cipher);
    const read = await readAllRecords(this.doc, cipher, checkpoint);
    if (checkpoint && read.fromCheckpoint > 0) void this.checkpoints.verify(cipher, checkpoint);
    return read;
  }

  publishMembership(membership: Signed): void {
    const message: ClientMessage = { type: 'membership', membership };
    this.provider.sendStateless(JSON.stringify(message));
  }

  /** Closes the socket; resolves once it is closed. */
  disconnect(): Promise<void> {
    const ws = this.provider.configuration.websocketProvider;
    return new Promise((resolve) => {
      const onStatus = ({ status }: { status: string }) => {
        if (status !== 'disconnected') return;
        ws.off('status', onStatus);
        resolve();
      };
      ws.on('status', onStatus);
      ws.disconnect();
      if (ws.status === 'disconnected') onStatus({ status: 'disconnected' });
    });
  }

  connect(): Promise<unknown> {
    return this.provider.configuration.websocketProvider.connect();
  }

  destroy(): void {
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    this.doc.off('update', this.onUpdate);
    this.provider.destroy();
    this.provider.configuration.websocketProvider.destroy();
  }
}
