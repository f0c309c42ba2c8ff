/**
 * The sync client as the app runs it (a lazy chunk: loaded only for a shared plan). It holds the
 * bridge (document ↔ the plan's tables) and the session (the server connection), keeps the
 * plan keys in the sync database, publishes the status the header shows, and does what the
 * Share plan… dialog and the sync panel ask: share, join, invite, remove, keep a conflict side.
 */
import { db } from '../../db';
import { openPlanId } from '../../db/open-plan';
import { createPlan as createLocalPlan, giveOwnIds } from '../../db/plans';
import { SyncBridge } from '../../sync/client';
import { type ConflictRow, type QuarantineRow, watchHistory } from '../../db/sync-store';
import {
  type Keyring,
  type MemberKeys,
  type Role,
  type PlanCipher,
  SyncSession,
  addInvite,
  createPlan,
  decodeInvitation,
  deserializeKeys,
  encodeInvitation,
  fromB64u,
  generateMemberKeys,
  makeClaim,
  memberIdOf,
  removeMember,
  serializeKeys,
  toB64u,
  verifyMembership,
} from '../../sync/protocol';
import {
  type MemberView,
  type ShareConfig,
  inviteLink,
  memberName,
  saveShare,
  syncStore,
  useSyncUi,
} from './sync-state';

/** A root map of the document: member id → their display name, sealed under the plan key. */
const NAMES = '~names';

const keyringOf = (c: ShareConfig): Keyring | undefined =>
  c.keyring && new Map(Object.entries(c.keyring).map(([e, k]) => [Number(e), fromB64u(k)]));
const keyringText = (k: Keyring) => Object.fromEntries([...k].map(([e, key]) => [String(e), toB64u(key)]));

/** Checks a server address in plain words; returns it normalised. */
export function checkServerUrl(text: string): string {
  const url = text.trim();
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(
      'The server address is not a web address: it looks like ws://127.0.0.1:4455 or wss://sync.example.org.',
    );
  }
  if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:')
    throw new Error('The server address must start with ws:// (this machine) or wss:// (a server elsewhere).');
  return url.replace(/\/+$/, '');
}

class SyncRuntime {
  private cipher: PlanCipher | null = null;
  private readonly names = new Map<string, string>();
  private online = new Set<string>();
  private conflicts: ConflictRow[] = [];
  private quarantined: QuarantineRow[] = [];
  private problem: string | null = null;
  private removed = false;
  /** Names members sent with their presence (sealed under the plan key): a viewer's only way to be named. */
  private readonly presentNames = new Map<string, string>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private config: ShareConfig,
    private readonly keys: MemberKeys,
    readonly bridge: SyncBridge,
    readonly session: SyncSession,
  ) {}

  static async start(shared: ShareConfig): Promise<SyncRuntime> {
    let config = shared;
    if (!config.localPlanId) {
      config = { ...config, localPlanId: await openPlanId(db) };
      await saveShare(config);
    }
    const keys = await deserializeKeys(config.keys);
    const invite = config.invite ? await deserializeKeys(config.invite) : undefined;
    const store = syncStore();
    const bridge = await SyncBridge.open({
      db,
      store,
      planId: config.planId,
      localPlanId: config.localPlanId,
      me: { id: config.memberId, name: config.name },
      nameOf: (id) => runtime?.nameOf(id) ?? 'A member',
    });
    const session = new SyncSession({
      url: config.url,
      planId: config.planId,
      keys,
      doc: bridge.doc,
      keyring: keyringOf(config),
      invite,
      claim: config.claim,
      membership: config.membership,
    });
    const rt = new SyncRuntime(config, keys, bridge, session);
    session.subscribe(() => void rt.onSession());
    bridge.subscribe(() => rt.refresh());
    bridge.doc.getMap(NAMES).observe(() => void rt.readNames());
    // Every command writes a History entry: a new one is sent (the bridge reads the History as its outbox).
    watchHistory(db, () => void bridge.flush());
    session.provider.awareness?.setLocalStateField('m', config.memberId);
    session.provider.awareness?.on('change', () => void rt.readPresence());
    await rt.onSession();
    return rt;
  }

  nameOf(id: string): string {
    const r = this.session.roster.find((x) => x.id === id);
    return (
      this.names.get(id) ||
      this.presentNames.get(id) ||
      (r?.label ? memberName(r.label) : '') ||
      (r ? `${r.role[0]!.toUpperCase()}${r.role.slice(1)} ${id.slice(0, 6)}` : 'A member')
    );
  }

  private async onSession(): Promise<void> {
    const s = this.session;
    if (s.cipher && s.cipher !== this.cipher) {
      this.cipher = s.cipher;
      const text = keyringText(s.keyring!);
      if (JSON.stringify(text) !== JSON.stringify(this.config.keyring)) {
        this.config = { ...this.config, keyring: text };
        await saveShare(this.config);
      }
      await this.bridge.setCipher(s.cipher);
      await this.readNames();
      await this.writeMyName();
      await this.showMyName();
    }
    const me = s.roster.find((r) => r.id === this.config.memberId);
    if (me && me.role !== this.config.role) {
      this.config = { ...this.config, role: me.role };
      await saveShare(this.config);
    }
    // Closed by the server when the owner removed this member; refused on every later connection
    // (a member who joined by an invitation that is gone, once they held the plan's keys).
    this.removed =
      /remov|no longer a member|not a member|roster/i.test(s.closedReason ?? '') ||
      /not a member/i.test(s.authFailure ?? '') ||
      (!!this.config.keyring && /invitation is no longer valid/i.test(s.authFailure ?? ''));
    if (this.removed)
      this.problem =
        'You are no longer a member of this plan: the server sends you nothing new, and your changes stay in this browser.';
    else if (s.authFailure) this.problem = `The server refused this browser: ${s.authFailure}`;
    else if (s.refusals.length) this.problem = s.refusals[s.refusals.length - 1]!;
    this.refresh();
  }

  private async writeMyName(): Promise<void> {
    if (!this.cipher || this.config.role === 'viewer') return;
    if (this.names.get(this.config.memberId) === this.config.name) return;
    const sealed = await this.cipher.seal(`${NAMES}/${this.config.memberId}`, this.config.name);
    this.bridge.doc.getMap<Uint8Array>(NAMES).set(this.config.memberId, sealed);
  }

  /** Sends this member's name with their presence, sealed: viewers cannot write it into the document. */
  private async showMyName(): Promise<void> {
    if (!this.cipher) return;
    const sealed = await this.cipher.seal(`${NAMES}/${this.config.memberId}`, this.config.name);
    this.session.provider.awareness?.setLocalStateField('n', toB64u(sealed));
  }

  private async readNames(): Promise<void> {
    if (!this.cipher) return;
    for (const [id, sealed] of this.bridge.doc.getMap<Uint8Array>(NAMES)) {
      try {
        const name = await this.cipher.open(`${NAMES}/${id}`, sealed);
        if (typeof name === 'string') this.names.set(id, memberName(name));
      } catch {
        /* a name sealed under a key this member does not hold: keep the fallback */
      }
    }
    this.refresh();
  }

  private async readPresence(): Promise<void> {
    const states = this.session.provider.awareness?.getStates() ?? new Map();
    const me = this.session.provider.awareness?.clientID;
    const present = [...states].filter(([client, st]) => client !== me && typeof st.m === 'string').map(([, st]) => st);
    this.online = new Set(present.map((st) => st.m as string));
    this.refresh();
    if (!this.cipher) return;
    for (const st of present) {
      if (typeof st.n !== 'string') continue;
      try {
        const name = await this.cipher.open(`${NAMES}/${st.m as string}`, fromB64u(st.n));
        if (typeof name === 'string') this.presentNames.set(st.m as string, memberName(name));
      } catch {
        /* not sealed for this plan's keys (or by another member's id): keep the fallback */
      }
    }
    this.refresh();
  }

  private readQuarantine() {
    return syncStore().quarantine.where('planId').equals(this.config.planId).toArray();
  }

  /** Publishes a snapshot soon (several changes in a row publish once). */
  refresh(): void {
    this.timer ??= setTimeout(() => {
      this.timer = null;
      void this.publish();
    }, 50);
  }

  private async publish(): Promise<void> {
    this.conflicts = await this.bridge.conflicts();
    this.quarantined = await this.readQuarantine();
    const s = this.session;
    const members: MemberView[] = s.roster.map((r) => ({
      id: r.id,
      name: this.nameOf(r.id),
      role: r.role,
      me: r.id === this.config.memberId,
      online: r.id === this.config.memberId || this.online.has(r.id),
    }));
    const claimed = new Set(s.roster.map((r) => r.inviteId));
    for (const i of s.membership?.invites ?? [])
      if (!claimed.has(i.id))
        members.push({ id: i.id, name: `Invitation (${i.role})`, role: 'invited', me: false, online: false });
    useSyncUi.getState().setSnapshot({
      status: s.status,
      pending: s.pendingChanges,
      members,
      conflicts: this.conflicts,
      quarantined: this.quarantined,
      problem: this.problem ?? this.bridge.error,
      removed: this.removed,
    });
  }

  /** The owner invites: returns the link (the invitation's keys ride in its `#` part). */
  async invite(role: Exclude<Role, 'owner'>, origin: string): Promise<string> {
    const m = this.session.membership;
    if (this.config.role !== 'owner' || !m || !this.session.keyring)
      throw new Error('Only the plan’s owner can invite, once connected to the server.');
    const { signed, invitation } = await addInvite(this.keys, m, this.session.keyring, role, new Date());
    // Kept at once: a second invitation made before the server's echo builds on this one.
    this.session.membership = await verifyMembership(signed, this.config.planId);
    this.session.publishMembership(signed);
    return inviteLink(origin, encodeInvitation(invitation), this.config.url);
  }

  /** The owner removes a member or an unused invitation; the plan moves to a new key. */
  async remove(memberId: string): Promise<void> {
    const m = this.session.membership;
    if (this.config.role !== 'owner' || !m || !this.session.keyring)
      throw new Error('Only the plan’s owner can remove members, once connected to the server.');
    const { signed, keyring } = await removeMember(
      this.keys,
      m,
      this.session.claims,
      this.session.keyring,
      memberId,
      new Date(),
    );
    this.session.membership = await verifyMembership(signed, this.config.planId);
    this.session.publishMembership(signed);
    await this.session.useKeyring(keyring);
  }

  resolve(conflict: ConflictRow, keep: 'kept' | 'lost'): Promise<void> {
    return this.bridge.resolve(conflict, keep);
  }
}

let runtime: SyncRuntime | null = null;

export function currentRuntime(): SyncRuntime | null {
  return runtime;
}

/** The name a joined plan has here until its member renames it (plan names do not travel). */
export const SHARED_PLAN_NAME = 'Shared plan';

/** Starts the sync client for the shared plan (once). */
export async function startSync(config: ShareConfig): Promise<SyncRuntime> {
  runtime ??= await SyncRuntime.start(config);
  return runtime;
}

/** Shares this browser's plan: makes the keys and the plan on the server, then sends every record. */
export async function sharePlan(url: string, name: string): Promise<void> {
  const server = checkServerUrl(url);
  const who = memberName(name, 'Owner');
  const keys = await generateMemberKeys();
  const plan = await createPlan(keys, '', new Date());
  // Ids of its own first: a member's browser may hold the same ids in its own sample plan.
  const localPlanId = await openPlanId(db);
  await giveOwnIds(db, localPlanId);
  const config: ShareConfig = {
    url: server,
    planId: plan.planId,
    role: 'owner',
    name: who,
    memberId: await memberIdOf(keys.signPub),
    keys: await serializeKeys(keys),
    keyring: keyringText(plan.keyring),
    membership: plan.signed,
    localPlanId,
  };
  await saveShare(config);
  const rt = await startSync(config);
  await rt.bridge.shareAll();
}

/** Reads an invitation (a link or its code) in plain words. */
export async function readInvitation(code: string) {
  return (await decodeInvitation(code)).invitation;
}

/**
 * Joins a shared plan by an invitation: the shared plan becomes a new plan of its own in this
 * browser (opened; the plans already here stay as they are), then its records arrive.
 */
export async function joinPlan(code: string, url: string, name: string): Promise<void> {
  const server = checkServerUrl(url);
  const { invitation, keys: inviteKeys } = await decodeInvitation(code);
  const keys = await generateMemberKeys();
  const { planId: localPlanId } = await createLocalPlan(db, SHARED_PLAN_NAME);
  const config: ShareConfig = {
    url: server,
    planId: invitation.planId,
    role: invitation.role,
    name: memberName(name, 'Member'),
    memberId: await memberIdOf(keys.signPub),
    keys: await serializeKeys(keys),
    invite: invitation.keys,
    claim: await makeClaim(invitation.planId, inviteKeys, keys, '', new Date()),
    localPlanId,
  };
  await saveShare(config);
  await startSync(config);
}
