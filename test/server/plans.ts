/** A shared plan with its owner connected, invitations, and members joining by them. */
import {
  type Keyring,
  type MemberKeys,
  type Signed,
  type Membership,
  type SyncSession,
  addInvite,
  createPlan,
  decodeInvitation,
  encodeInvitation,
  makeClaim,
  removeMember,
  verifyMembership,
} from '../../src/sync/protocol';
import { newKeys, session } from './helpers';

/** Resolves once `ok()` holds, checked on every change the session reports. */
export function until(s: SyncSession, ok: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (!ok()) return;
      off();
      resolve();
    };
    const off = s.subscribe(check);
    check();
  });
}

export interface Shared {
  planId: string;
  ownerKeys: MemberKeys;
  owner: SyncSession;
  membership: Membership;
  keyring: Keyring;
}

export async function sharePlan(url: string): Promise<Shared> {
  const ownerKeys = await newKeys();
  const plan = await createPlan(ownerKeys, '', new Date());
  const owner = session(url, plan.planId, ownerKeys, { membership: plan.signed, keyring: plan.keyring });
  await until(owner, () => owner.membership?.version === 1);
  return { planId: plan.planId, ownerKeys, owner, membership: owner.membership!, keyring: plan.keyring };
}

/** The owner adds an invitation and publishes it; returns the code the link would carry. */
export async function invite(shared: Shared, role: 'editor' | 'viewer'): Promise<string> {
  const { signed, invitation } = await addInvite(shared.ownerKeys, shared.membership, shared.keyring, role, new Date());
  shared.membership = await verifyMembership(signed);
  shared.owner.publishMembership(signed);
  await until(shared.owner, () => shared.owner.membership?.version === shared.membership.version);
  return encodeInvitation(invitation);
}

export async function join(url: string, code: string): Promise<{ keys: MemberKeys; member: SyncSession }> {
  const { invitation, keys: inviteKeys } = await decodeInvitation(`https://summitry.example/join#join=${code}`);
  const keys = await newKeys();
  const claim = await makeClaim(invitation.planId, inviteKeys, keys, '', new Date());
  const member = session(url, invitation.planId, keys, { claim, invite: inviteKeys });
  await member.ready();
  return { keys, member };
}

/**
 * The owner removes a member who joined (once the owner's roster has them): signs the new list,
 * moves to the new keyring and publishes; resolves once the server has closed the member's
 * connection. Returns the member's id, their keyring from before the removal, and the owner's
 * new keyring and signed member list.
 */
export async function removeJoined(
  shared: Shared,
  joined: { keys: MemberKeys; member: SyncSession },
): Promise<{ memberId: string; oldKeyring: Keyring; keyring: Keyring; signed: Signed }> {
  const { keys, member } = joined;
  const memberId = member.roster.find((r) => r.signPub === keys.signPub)!.id;
  await until(shared.owner, () => shared.owner.roster.some((r) => r.id === memberId));
  const oldKeyring = member.keyring!;
  const removed = await removeMember(
    shared.ownerKeys,
    shared.membership,
    shared.owner.claims,
    shared.keyring,
    memberId,
    new Date(),
  );
  await shared.owner.useKeyring(removed.keyring);
  shared.owner.publishMembership(removed.signed);
  await until(member, () => member.closedReason === 'You are no longer a member of this plan.');
  return { memberId, oldKeyring, keyring: removed.keyring, signed: removed.signed };
}

/** Sample records whose text must never appear in the server's storage. */
export const SAMPLE = [
  { table: 'places', id: 'busan', fields: { name: 'Busan', country: 'South Korea', timeZone: 'Asia/Seoul' } },
  {
    table: 'events',
    id: 'busan-summit-2025',
    fields: { title: 'Trump–Xi summit, Busan', placeId: 'busan', notes: 'Gimhae air base, trade truce' },
  },
  { table: 'events', id: 'gyeongju-apec-2025', fields: { title: 'APEC Economic Leaders Meeting, Gyeongju' } },
] as const;

export const SAMPLE_TEXT = ['Busan', 'South Korea', 'Asia/Seoul', 'busan-summit-2025', 'Trump', 'Gimhae', 'Gyeongju'];

export async function titles(s: SyncSession): Promise<string[]> {
  const { records } = await s.readAll();
  return records.map((r) => `${r.table}/${r.id}`).sort();
}
