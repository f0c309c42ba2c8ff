/**
 * Who may open a shared plan, signed by its owner so that the sync server can check it but not
 * forge it. The plan id is derived from the owner's signing key (derivePlanId), the membership
 * body is signed by that key, and an invitation is a key pair the owner lists (with a role) whose
 * private half travels only in a link fragment; whoever holds it claims the invitation once with
 * their own keys (a claim signed by both). The plan keys of every epoch are wrapped for each
 * member and each invitation. Removing someone starts a new epoch with a fresh key.
 */
import { type Bytes, fromB64u, randomBytes, toB64u } from './bytes';
import {
  type MemberKeys,
  type WrappedKey,
  derivePlanId,
  memberIdOf,
  signText,
  unwrapWith,
  verifyText,
  wrapFor,
} from './keys';

export type Role = 'owner' | 'editor' | 'viewer';
export const ROLES: readonly Role[] = ['owner', 'editor', 'viewer'];

export interface MemberEntry {
  id: string;
  signPub: string;
  dhPub: string;
  role: Role;
  /** The member's display name, sealed under the plan's name key: opaque to the server. */
  label: string;
}

export interface InviteEntry {
  id: string;
  signPub: string;
  dhPub: string;
  role: Exclude<Role, 'owner'>;
}

export interface Membership {
  format: 'summitry-membership';
  planId: string;
  ownerSignPub: string;
  nonce: string;
  version: number;
  epoch: number;
  members: MemberEntry[];
  invites: InviteEntry[];
  /** The keyring (every epoch's key up to `epoch`) wrapped for each member and invitation id. */
  keys: Record<string, WrappedKey>;
  issuedAt: string;
}

/** The exact signed text and its signature: the server never re-serialises it. */
export interface Signed {
  body: string;
  sig: string;
}

export interface ClaimBody {
  format: 'summitry-claim';
  planId: string;
  inviteId: string;
  member: { signPub: string; dhPub: string; label: string };
  claimedAt: string;
}

export interface Claim {
  body: string;
  inviteSig: string;
  memberSig: string;
}

export interface RosterEntry {
  id: string;
  signPub: string;
  dhPub: string;
  role: Role;
  label: string;
  /** For a member who joined by an invitation: its id (their keyring is wrapped for it). */
  inviteId?: string;
}

/** Plan keys by epoch: 32 random bytes each (AES-256). */
export type Keyring = Map<number, Bytes>;

const wrapContext = (planId: string, recipientId: string, epoch: number) => `${planId}\n${recipientId}\n${epoch}`;

function keyringText(keyring: Keyring): Bytes {
  const plain: Record<string, string> = {};
  for (const [epoch, key] of keyring) plain[String(epoch)] = toB64u(key);
  return new TextEncoder().encode(JSON.stringify(plain)) as Bytes;
}

export async function signMembership(owner: MemberKeys, membership: Membership): Promise<Signed> {
  const body = JSON.stringify(membership);
  return { body, sig: await signText(owner.signPrivate, body) };
}

/** Wraps the keyring for every member and invitation, then signs the body. */
export async function issueMembership(
  owner: MemberKeys,
  draft: Omit<Membership, 'keys' | 'format'>,
  keyring: Keyring,
): Promise<Signed> {
  const keys: Record<string, WrappedKey> = {};
  const plain = keyringText(keyring);
  for (const r of [...draft.members, ...draft.invites])
    keys[r.id] = await wrapFor(r.dhPub, plain, wrapContext(draft.planId, r.id, draft.epoch));
  return signMembership(owner, { format: 'summitry-membership', ...draft, keys });
}

export async function createPlan(
  owner: MemberKeys,
  ownerLabel: string,
  now: Date,
): Promise<{ planId: string; signed: Signed; keyring: Keyring }> {
  const nonce = toB64u(randomBytes(16));
  const planId = await derivePlanId(owner.signPub, nonce);
  const keyring: Keyring = new Map([[0, randomBytes(32)]]);
  const self: MemberEntry = {
    id: await memberIdOf(owner.signPub),
    signPub: owner.signPub,
    dhPub: owner.dhPub,
    role: 'owner',
    label: ownerLabel,
  };
  const draft = {
    planId,
    ownerSignPub: owner.signPub,
    nonce,
    version: 1,
    epoch: 0,
    members: [self],
    invites: [],
    issuedAt: now.toISOString(),
  };
  return { planId, signed: await issueMembership(owner, draft, keyring), keyring };
}

function fail(message: string): never {
  throw new Error(message);
}

/** Checks the signature, the plan id's binding to the owner, and the shape. Throws with a reason. */
export async function verifyMembership(signed: Signed, planId?: string): Promise<Membership> {
  let m: Membership;
  try {
    m = JSON.parse(signed.body) as Membership;
  } catch {
    fail('The membership list is not JSON.');
  }
  if (m?.format !== 'summitry-membership') fail('Not a membership list.');
  if (planId !== undefined && m.planId !== planId) fail('The membership list is for another plan.');
  if ((await derivePlanId(m.ownerSignPub, m.nonce)) !== m.planId) fail('The plan id does not belong to this owner.');
  if (!(await verifyText(m.ownerSignPub, signed.body, signed.sig))) fail('The owner’s signature does not match.');
  if (!Number.isInteger(m.version) || m.version < 1 || !Number.isInteger(m.epoch) || m.epoch < 0)
    fail('The membership list has a bad version or epoch.');
  if (!Array.isArray(m.members) || !Array.isArray(m.invites)) fail('The membership list has no members.');
  const owner = m.members.find((x) => x.role === 'owner');
  if (!owner || owner.signPub !== m.ownerSignPub) fail('The owner is not listed as owner.');
  for (const x of [...m.members, ...m.invites]) {
    if (x.id !== (await memberIdOf(x.signPub))) fail('A member id does not match its key.');
    if (!ROLES.includes(x.role)) fail('A member has an unknown role.');
  }
  if (m.invites.some((i) => (i.role as Role) === 'owner') || m.members.filter((x) => x.role === 'owner').length !== 1)
    fail('A plan has exactly one owner.');
  return m;
}

export async function makeClaim(
  planId: string,
  invite: MemberKeys,
  member: MemberKeys,
  label: string,
  now: Date,
): Promise<Claim> {
  const body: ClaimBody = {
    format: 'summitry-claim',
    planId,
    inviteId: await memberIdOf(invite.signPub),
    member: { signPub: member.signPub, dhPub: member.dhPub, label },
    claimedAt: now.toISOString(),
  };
  const text = JSON.stringify(body);
  return {
    body: text,
    inviteSig: await signText(invite.signPrivate, text),
    memberSig: await signText(member.signPrivate, text),
  };
}

/** The roster entry a claim grants under `m`, or an error message. */
export async function verifyClaim(m: Membership, claim: Claim): Promise<RosterEntry | string> {
  let body: ClaimBody;
  try {
    body = JSON.parse(claim.body) as ClaimBody;
  } catch {
    return 'The claim is not JSON.';
  }
  if (body?.format !== 'summitry-claim' || body.planId !== m.planId) return 'The claim is not for this plan.';
  const invite = m.invites.find((i) => i.id === body.inviteId);
  if (!invite) return 'This invitation is no longer valid.';
  if (!(await verifyText(invite.signPub, claim.body, claim.inviteSig)))
    return 'The invitation signature does not match.';
  if (!(await verifyText(body.member.signPub, claim.body, claim.memberSig)))
    return 'The member signature does not match.';
  const { signPub, dhPub, label } = body.member;
  return { id: await memberIdOf(signPub), signPub, dhPub, label, role: invite.role, inviteId: invite.id };
}

/** Members, then each invitation's first valid claim. */
export async function rosterOf(m: Membership, claims: readonly Claim[]): Promise<RosterEntry[]> {
  const roster: RosterEntry[] = m.members.map((x) => ({ ...x }));
  const used = new Set<string>();
  for (const c of claims) {
    const entry = await verifyClaim(m, c);
    if (typeof entry === 'string' || used.has(entry.inviteId!) || roster.some((r) => r.id === entry.id)) continue;
    used.add(entry.inviteId!);
    roster.push(entry);
  }
  return roster;
}

/** Opens the keyring wrapped for `recipientId` (a member id or the invitation a member joined by). */
export async function openKeyring(m: Membership, recipientId: string, dhPrivate: CryptoKey): Promise<Keyring> {
  const wrapped = m.keys[recipientId];
  if (!wrapped) throw new Error('This plan’s keys are not shared with you.');
  const plain = await unwrapWith(dhPrivate, wrapped, wrapContext(m.planId, recipientId, m.epoch));
  const parsed = JSON.parse(new TextDecoder().decode(plain)) as Record<string, string>;
  return new Map(Object.entries(parsed).map(([epoch, key]) => [Number(epoch), fromB64u(key)]));
}
