import * as Y from 'yjs';
import { expect, test } from 'vitest';
import {
  PlanCipher,
  addInvite,
  createPlan,
  decodeInvitation,
  encodeInvitation,
  generateMemberKeys,
  makeAuthToken,
  makeClaim,
  openKeyring,
  readAllRecords,
  readAuthToken,
  rosterOf,
  verifyMembership,
  writeFields,
} from '../../src/sync/protocol';

const NOW = new Date('2026-12-04T12:00:00.000Z');

test('a membership list checks only as the owner signed it', async () => {
  const owner = await generateMemberKeys();
  const { planId, signed } = await createPlan(owner, '', NOW);
  const m = await verifyMembership(signed, planId);
  expect(m.members.map((x) => x.role)).toEqual(['owner']);
  const promoted = signed.body.replace('"version":1', '"version":2');
  await expect(verifyMembership({ body: promoted, sig: signed.sig }, planId)).rejects.toThrow(
    'The owner’s signature does not match.',
  );
  await expect(verifyMembership(signed, 'x'.repeat(43))).rejects.toThrow('The membership list is for another plan.');
});

test('an invitation travels as a code, is claimed with both keys, and opens the keyring', async () => {
  const owner = await generateMemberKeys();
  const plan = await createPlan(owner, '', NOW);
  const m1 = await verifyMembership(plan.signed);
  const { signed, invitation } = await addInvite(owner, m1, plan.keyring, 'viewer', NOW);
  const m2 = await verifyMembership(signed);
  const code = encodeInvitation(invitation);
  const { keys: inviteKeys, invitation: read } = await decodeInvitation(`https://x.example/#join=${code}`);
  expect(read.role).toBe('viewer');
  const me = await generateMemberKeys();
  const claim = await makeClaim(plan.planId, inviteKeys, me, '', NOW);
  const roster = await rosterOf(m2, [claim]);
  expect(roster.map((r) => [r.role, r.signPub === me.signPub])).toEqual([
    ['owner', false],
    ['viewer', true],
  ]);
  // A claim signed by someone without the invitation's key does not count.
  const forged = await makeClaim(plan.planId, await generateMemberKeys(), me, '', NOW);
  expect(await rosterOf(m2, [forged])).toHaveLength(1);
  const keyring = await openKeyring(m2, roster[1]!.inviteId!, inviteKeys.dhPrivate);
  expect([...keyring.keys()]).toEqual([0]);
  await expect(decodeInvitation(code.slice(0, 40))).rejects.toThrow(/not complete|damaged/);
});

test('a sign-in token is refused when old, for another plan, or altered', async () => {
  const keys = await generateMemberKeys();
  const token = await makeAuthToken(keys, 'plan-a', NOW);
  expect(typeof (await readAuthToken(token, 'plan-a', NOW))).toBe('object');
  expect(await readAuthToken(token, 'plan-b', NOW)).toBe('The sign-in token is for another plan.');
  expect(await readAuthToken(token, 'plan-a', new Date(NOW.getTime() + 10 * 60_000))).toMatch(/too old/);
  const altered = token.replace(keys.signPub, (await generateMemberKeys()).signPub);
  expect(await readAuthToken(altered, 'plan-a', NOW)).toBe('The sign-in signature does not match.');
});

test('field values are sealed to their slot: moved to another record, they do not open', async () => {
  const keyring = new Map([[0, crypto.getRandomValues(new Uint8Array(32))]]);
  const cipher = await PlanCipher.open('plan', keyring);
  const doc = new Y.Doc();
  await writeFields(doc, cipher, 'events', 'a', { title: 'A' });
  await writeFields(doc, cipher, 'events', 'b', { title: 'B' });
  const table = doc.getMap<Y.Map<Uint8Array>>(await cipher.slot('table', 'events'));
  const a = table.get(await cipher.slot('record', 'events', 'a'))!;
  const b = table.get(await cipher.slot('record', 'events', 'b'))!;
  const titleA = await cipher.slot('field', 'events', 'a', 'title');
  const titleB = await cipher.slot('field', 'events', 'b', 'title');
  expect(titleA).not.toBe(titleB);
  b.set(titleB, a.get(titleA)!);
  const { records, unreadable } = await readAllRecords(doc, cipher);
  expect(records.map((r) => [r.id, r.fields.title])).toEqual([
    ['a', 'A'],
    ['b', undefined],
  ]);
  expect(unreadable).toBe(1);
});

test('reading every record passes over root maps that hold no records (the sealed member names)', async () => {
  const cipher = await PlanCipher.open('plan', new Map([[0, crypto.getRandomValues(new Uint8Array(32))]]));
  const doc = new Y.Doc();
  await writeFields(doc, cipher, 'events', 'a', { title: 'A' });
  doc.getMap<Uint8Array>('~names').set('member-1', await cipher.seal('~names/member-1', 'Ana'));
  const { records, unreadable } = await readAllRecords(doc, cipher);
  expect(records.map((r) => [r.table, r.id, r.fields.title])).toEqual([['events', 'a', 'A']]);
  expect(unreadable).toBe(0);
});
