/** What only the owner does: invite (a listed key pair), remove (a new epoch with a fresh key). */
import { fromB64u, randomBytes, toB64u } from './bytes';
import {
  type MemberKeys,
  type SerializedKeys,
  deserializeKeys,
  generateMemberKeys,
  memberIdOf,
  serializeKeys,
} from './keys';
import {
  type Claim,
  type Keyring,
  type Membership,
  type Role,
  type Signed,
  issueMembership,
  rosterOf,
} from './membership';

export interface Invitation {
  planId: string;
  role: Exclude<Role, 'owner'>;
  keys: SerializedKeys;
}

function next(m: Membership, now: Date): Omit<Membership, 'keys' | 'format'> {
  const { keys: _keys, format: _format, ...rest } = m;
  return { ...rest, version: m.version + 1, issuedAt: now.toISOString() };
}

export async function addInvite(
  owner: MemberKeys,
  m: Membership,
  keyring: Keyring,
  role: Exclude<Role, 'owner'>,
  now: Date,
): Promise<{ signed: Signed; invitation: Invitation }> {
  const keys = await generateMemberKeys();
  const entry = { id: await memberIdOf(keys.signPub), signPub: keys.signPub, dhPub: keys.dhPub, role };
  const draft = next(m, now);
  draft.invites = [...m.invites, entry];
  const signed = await issueMembership(owner, draft, keyring);
  return { signed, invitation: { planId: m.planId, role, keys: await serializeKeys(keys) } };
}

/**
 * Removes a member (or the invitation they joined by) and moves the plan to a new epoch: a fresh
 * key, added to the keyring, wrapped only for those who remain. Returns the new keyring.
 */
export async function removeMember(
  owner: MemberKeys,
  m: Membership,
  claims: readonly Claim[],
  keyring: Keyring,
  memberId: string,
  now: Date,
): Promise<{ signed: Signed; keyring: Keyring }> {
  const roster = await rosterOf(m, claims);
  const gone = roster.find((r) => r.id === memberId);
  if (!gone) throw new Error('That person is not a member of this plan.');
  if (gone.role === 'owner') throw new Error('The owner cannot be removed.');
  const draft = next(m, now);
  draft.members = m.members.filter((x) => x.id !== memberId);
  draft.invites = m.invites.filter((i) => i.id !== memberId && i.id !== gone.inviteId);
  draft.epoch = m.epoch + 1;
  const rotated: Keyring = new Map(keyring);
  rotated.set(draft.epoch, randomBytes(32));
  return { signed: await issueMembership(owner, draft, rotated), keyring: rotated };
}

/** An invitation as text for a link fragment (`#join=…`) or a code to paste; never sent to a server. */
export function encodeInvitation(inv: Invitation): string {
  const k = inv.keys;
  const parts = [inv.planId, inv.role, k.signPrivate, k.dhPrivate, k.signPub, k.dhPub];
  return toB64u(new TextEncoder().encode(parts.join('.')));
}

export async function decodeInvitation(code: string): Promise<{ invitation: Invitation; keys: MemberKeys }> {
  let parts: string[];
  try {
    parts = new TextDecoder().decode(fromB64u(code.trim().replace(/^.*#join=/, ''))).split('.');
  } catch {
    throw new Error('This invitation code is not complete: copy the whole link or code again.');
  }
  const [planId, role, signPrivate, dhPrivate, signPub, dhPub] = parts;
  if (parts.length !== 6 || (role !== 'editor' && role !== 'viewer') || !planId || !signPrivate || !dhPrivate)
    throw new Error('This invitation code is not complete: copy the whole link or code again.');
  const serialized = { signPrivate, dhPrivate, signPub: signPub!, dhPub: dhPub! };
  try {
    return { invitation: { planId, role, keys: serialized }, keys: await deserializeKeys(serialized) };
  } catch {
    throw new Error('This invitation code is damaged: ask for a new one.');
  }
}
