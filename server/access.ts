/**
 * Who may connect, and as what. The server keeps no secret: it accepts a connection when the
 * token is signed by a key on the owner-signed roster (members, plus invitation claims signed
 * with the invitation's key), sets viewers read-only, accepts a newer membership list only with
 * the owner's signature, and closes the connections of anyone no longer on the roster.
 */
import type { Connection, Document, Extension, Hocuspocus } from '@hocuspocus/server';
import {
  type ClientMessage,
  type Membership,
  type RosterEntry,
  type ServerMessage,
  type Signed,
  TOKEN_WINDOW_MS,
  parseMessage,
  readAuthToken,
  rosterOf,
  verifyClaim,
  verifyMembership,
} from '../src/sync/protocol';
import type { PlanMeta, PlanStore } from './store/types';

/** Plan ids are SHA-256 in base64url. */
export const PLAN_ID = /^[A-Za-z0-9_-]{43}$/;
const REMOVED = { code: 4403, reason: 'You are no longer a member of this plan.' };

interface MemberContext {
  memberId: string;
  role: RosterEntry['role'];
  /** This connection claimed an invitation: everyone gets the new roster. */
  claimed?: boolean;
}

/**
 * What a plan's roster is made of: its membership version and the invitations claimed under it.
 * A new claim changes the roster without a new version, and must reach every member too: the
 * claiming connection may close before it is told it connected (a member who joins and reloads
 * at once, on a busy machine), and the claim may come through another server process.
 */
function rosterKey(meta: PlanMeta): string {
  return `${meta.version}:${meta.claims.map((c) => c.inviteId).join(',')}`;
}

function refuse(reason: string): never {
  throw Object.assign(new Error(reason), { reason });
}

export class Access implements Extension {
  extensionName = 'summitry-access';
  private readonly seenNonces = new Map<string, number>();
  /** Per plan, the roster its connections were last sent (`rosterKey`). */
  private readonly sent = new Map<string, string>();
  private instance: Hocuspocus | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly store: PlanStore,
    private readonly options: { now?: () => Date; recheckMs?: number } = {},
  ) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private async current(name: string): Promise<{ meta: PlanMeta; membership: Membership; roster: RosterEntry[] }> {
    const meta = await this.store.loadMeta(name);
    if (!meta.membership) refuse('This plan is not shared on this server.');
    const membership = await verifyMembership(meta.membership, name);
    return {
      meta,
      membership,
      roster: await rosterOf(
        membership,
        meta.claims.map((c) => c.claim),
      ),
    };
  }

  private rememberNonce(nonce: string): boolean {
    const now = Date.now();
    for (const [n, at] of this.seenNonces) if (now - at > 2 * TOKEN_WINDOW_MS) this.seenNonces.delete(n);
    if (this.seenNonces.has(nonce)) return false;
    this.seenNonces.set(nonce, now);
    return true;
  }

  async onConfigure({ instance }: { instance: Hocuspocus }): Promise<void> {
    this.instance = instance;
    // The roster may change without a connection here being told (another server process behind
    // Redis, or a claiming connection that closed at once): look for it every second too.
    this.timer = setInterval(() => void this.recheckAll(), this.options.recheckMs ?? 1000);
    this.timer.unref();
  }

  async onAuthenticate(data: {
    token: string;
    documentName: string;
    connectionConfig: { readOnly: boolean };
  }): Promise<MemberContext> {
    const { documentName: name } = data;
    if (!PLAN_ID.test(name)) refuse('There is no such plan.');
    const body = await readAuthToken(data.token, name, this.now());
    if (typeof body === 'string') refuse(body);
    if (!this.rememberNonce(body.nonce)) refuse('This sign-in token was already used.');
    if (body.membership) await this.accept(name, body.membership);
    let { membership, roster } = await this.current(name);
    let claimed = false;
    if (body.claim && !roster.some((r) => r.signPub === body.signPub)) {
      const entry = await verifyClaim(membership, body.claim);
      if (typeof entry === 'string') refuse(entry);
      if (entry.signPub !== body.signPub) refuse('The invitation was claimed with another key.');
      if (!(await this.store.addClaim(name, entry.inviteId!, body.claim))) refuse('This invitation was already used.');
      claimed = true;
      ({ membership, roster } = await this.current(name));
    }
    const me = roster.find((r) => r.signPub === body.signPub);
    if (!me) refuse('You are not a member of this plan.');
    data.connectionConfig.readOnly = me.role === 'viewer';
    return { memberId: me.id, role: me.role, claimed };
  }

  /** Stores a membership list if the owner signed it and it is newer; returns whether it was. */
  private async accept(name: string, signed: Signed): Promise<boolean> {
    let m: Membership;
    try {
      m = await verifyMembership(signed, name);
    } catch (error) {
      refuse((error as Error).message);
    }
    const stored = await this.store.loadMeta(name);
    if (stored.membership) {
      const old = await verifyMembership(stored.membership, name);
      if (old.ownerSignPub !== m.ownerSignPub) refuse('Only the plan’s owner can change who is in it.');
    }
    return this.store.storeMembership(name, signed, m.version);
  }

  async connected({ connection, documentName }: { connection: Connection; documentName: string }): Promise<void> {
    if ((connection.context as MemberContext).claimed) return this.enforce(documentName, connection.document);
    const { meta } = await this.current(documentName);
    connection.sendStateless(this.rosterMessage(meta));
  }

  private rosterMessage(meta: PlanMeta): string {
    const message: ServerMessage = {
      type: 'roster',
      membership: meta.membership!,
      claims: meta.claims.map((c) => c.claim),
    };
    return JSON.stringify(message);
  }

  async onStateless(data: { connection: Connection; documentName: string; document: Document; payload: string }) {
    const message = parseMessage<ClientMessage>(data.payload);
    if (message?.type !== 'membership') return;
    const context = data.connection.context as MemberContext;
    const reply = (reason: string) =>
      data.connection.sendStateless(JSON.stringify({ type: 'refused', reason } satisfies ServerMessage));
    if (context.role !== 'owner') return reply('Only the plan’s owner can change who is in it.');
    try {
      await this.accept(data.documentName, message.membership);
    } catch (error) {
      return reply((error as Error).message);
    }
    await this.enforce(data.documentName, data.document);
  }

  /** Sends the roster to everyone on it and closes the connections of anyone who is not. */
  private async enforce(name: string, document: Document): Promise<void> {
    const { meta, roster } = await this.current(name);
    this.sent.set(name, rosterKey(meta));
    const message = this.rosterMessage(meta);
    for (const connection of document.getConnections()) {
      const me = roster.find((r) => r.id === (connection.context as MemberContext).memberId);
      if (!me) connection.close(REMOVED);
      else {
        connection.readOnly = me.role === 'viewer';
        connection.sendStateless(message);
      }
    }
  }

  private async recheckAll(): Promise<void> {
    if (!this.instance) return;
    for (const [name, document] of this.instance.documents) {
      try {
        const meta = await this.store.loadMeta(name);
        if (rosterKey(meta) !== this.sent.get(name)) await this.enforce(name, document);
      } catch (error) {
        console.error(`Checking the members of a plan failed: ${(error as Error).message}`);
      }
    }
  }

  async onDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
  }
}
