/**
 * Checkpoints on the app's path: a member's bridge fills the plan's tables from the owner's
 * checkpoint without decrypting, verifies it afterwards, and puts the true values in the tables
 * when it lied.
 */
import { expect, test, vi } from 'vitest';
import * as Y from 'yjs';
import { runCommand } from '../../../src/db/commands';
import { SummitryDb } from '../../../src/db/schema';
import { SyncStore } from '../../../src/db/sync-store';
import { SyncBridge } from '../../../src/sync/client';
import { CheckpointKeeper, PlanCipher, readCheckpoint } from '../../../src/sync/protocol';
import { makeEvent } from '../../helpers/factories';

const device = { id: 'dev-0123456789', name: 'Test browser' };
const EVENTS = 120;
let n = 0;

async function bridgeFor(planId: string, name: string) {
  const id = `${++n}-${crypto.randomUUID()}`;
  const db = new SummitryDb(`ckpt-${id}`);
  const store = new SyncStore(`ckpt-sync-${id}`);
  const bridge = await SyncBridge.open({ db, store, planId, me: { id: `member-${name}`, name } });
  return { db, store, bridge };
}

/** The owner's plan of EVENTS events, shared (which writes a checkpoint). */
async function sharedPlan() {
  const planId = `plan-${crypto.randomUUID()}`;
  const keyring = new Map([[0, crypto.getRandomValues(new Uint8Array(32))]]);
  const owner = await bridgeFor(planId, 'Ana');
  const events = Array.from({ length: EVENTS }, (_, i) =>
    makeEvent({ id: `e${i}` as never, title: `Visit ${i}`, notes: `Note ${i}` }),
  );
  await runCommand(owner.db, { label: 'add', put: { events } }, { device });
  const cipher = await PlanCipher.open(planId, keyring);
  await owner.bridge.setCipher(cipher);
  await owner.bridge.shareAll();
  return { planId, keyring, owner, cipher };
}

/** A new member's device: the document as the server sends it, then the plan's keys. */
async function join(plan: Awaited<ReturnType<typeof sharedPlan>>) {
  const member = await bridgeFor(plan.planId, 'Bo');
  Y.applyUpdate(member.bridge.doc, Y.encodeStateAsUpdate(plan.owner.bridge.doc));
  const cipher = await PlanCipher.open(plan.planId, plan.keyring);
  await member.bridge.setCipher(cipher);
  return { ...member, cipher };
}

test('a member’s first read takes the shared plan from the owner’s checkpoint: nothing decrypted, the same records', async () => {
  const plan = await sharedPlan();
  expect((await readCheckpoint(plan.owner.bridge.doc, plan.cipher))?.size).toBeGreaterThan(EVENTS * 5);

  const member = await join(plan);
  // What the bridge opened to fill the tables (the background verification decrypts on its own).
  expect(member.bridge.opened.decrypted).toBe(0);
  expect(member.bridge.opened.fromCheckpoint).toBeGreaterThan(EVENTS * 5);
  expect(await member.db.events.count()).toBe(EVENTS);
  const e7 = (await member.db.events.get('e7'))!;
  expect([e7.title, e7.notes]).toEqual(['Visit 7', 'Note 7']);

  expect(await member.bridge.checkpoints.verified()).toEqual([]);
  expect(member.cipher.decrypts).toBeGreaterThan(EVENTS * 5);
  expect(member.bridge.checkpoints.distrusted).toBe(false);
});

/**
 * Writes an owner's checkpoint that says e5's title is `title` (a lie unless it is 'Visit 5': the
 * real ciphertext, another plaintext); returns the title's place.
 */
async function forgeTitle(plan: Awaited<ReturnType<typeof sharedPlan>>, title: string): Promise<string> {
  const doc = plan.owner.bridge.doc;
  const tableSlot = await plan.cipher.slot('table', 'events');
  const recordSlot = await plan.cipher.slot('record', 'events', 'e5');
  const titleSlot = await plan.cipher.slot('field', 'events', 'e5', 'title');
  const sealed = doc.getMap<Y.Map<Uint8Array>>(tableSlot).get(recordSlot)!.get(titleSlot)!;
  const where = `${tableSlot}/${recordSlot}/${titleSlot}`;
  const [, , meta] = JSON.parse(plan.cipher.knownText(where, sealed)!) as [string, unknown, unknown];
  plan.cipher.texts.set(sealed, [where, JSON.stringify(['title', title, meta])]);
  await plan.owner.bridge.checkpoints.write(plan.cipher);
  return where;
}

/** A member joins while the verification of what it took never ends (the tab is closed first), then closes. */
async function joinAndClose(plan: Awaited<ReturnType<typeof sharedPlan>>) {
  const verify = vi.spyOn(CheckpointKeeper.prototype, 'verify').mockReturnValue(new Promise<string[]>(() => {}));
  try {
    const member = await join(plan);
    expect(verify).toHaveBeenCalled();
    await member.bridge.settled();
    member.bridge.destroy();
    return member;
  } finally {
    verify.mockRestore();
  }
}

/** The member's device opens the plan again: its kept document, what arrived meanwhile, the keys. */
async function reopen(member: Awaited<ReturnType<typeof joinAndClose>>, plan: Awaited<ReturnType<typeof sharedPlan>>) {
  const bridge = await SyncBridge.open({
    db: member.db,
    store: member.store,
    planId: plan.planId,
    me: { id: 'member-Bo', name: 'Bo' },
  });
  Y.applyUpdate(bridge.doc, Y.encodeStateAsUpdate(plan.owner.bridge.doc));
  await bridge.setCipher(await PlanCipher.open(plan.planId, plan.keyring));
  return bridge;
}

test('a forged checkpoint is shown at first, caught by the background verification, and the true value wins', async () => {
  const plan = await sharedPlan();
  const where = await forgeTitle(plan, 'Cancelled');

  const member = await join(plan);
  expect((await member.db.events.get('e5'))!.title).toBe('Cancelled');

  expect(await member.bridge.checkpoints.verified()).toEqual([where]);
  await member.bridge.flush();
  expect(member.bridge.checkpoints.distrusted).toBe(true);
  const e5 = (await member.db.events.get('e5'))!;
  expect([e5.title, e5.notes]).toEqual(['Visit 5', 'Note 5']);
  expect((await member.db.events.get('e6'))!.title).toBe('Visit 6');
  expect(await member.db.events.count()).toBe(EVENTS);
  expect(member.bridge.error).toBeNull();
});

test('a checkpoint whose verification was cut short by a reload is verified on the next start, and its lie corrected', async () => {
  const plan = await sharedPlan();
  const where = await forgeTitle(plan, 'Cancelled');
  const member = await joinAndClose(plan);
  expect((await member.db.events.get('e5'))!.title).toBe('Cancelled');

  const bridge = await reopen(member, plan);
  expect(await bridge.checkpoints.verified()).toEqual([where]);
  await bridge.flush();
  const e5 = (await member.db.events.get('e5'))!;
  expect([e5.title, e5.notes]).toEqual(['Visit 5', 'Note 5']);
  expect(await member.db.events.count()).toBe(EVENTS);
  expect(bridge.error).toBeNull();
  // Once corrected, a further start has nothing left to verify.
  await bridge.settled();
  bridge.destroy();
  const again = await reopen(member, plan);
  await again.flush();
  expect(await again.checkpoints.verified()).toEqual([]);
  expect((await member.db.events.get('e5'))!.title).toBe('Visit 5');
});

test('when the unverified checkpoint was replaced before the next start, every record is read again and the lie is gone', async () => {
  const plan = await sharedPlan();
  await forgeTitle(plan, 'Cancelled');
  const member = await joinAndClose(plan);
  expect((await member.db.events.get('e5'))!.title).toBe('Cancelled');

  // Meanwhile the owner writes an honest checkpoint over the forged one: the forged one cannot be checked any more.
  await forgeTitle(plan, 'Visit 5');

  const bridge = await reopen(member, plan);
  await bridge.flush();
  expect(await bridge.checkpoints.verified()).toEqual([]);
  const e5 = (await member.db.events.get('e5'))!;
  expect([e5.title, e5.notes]).toEqual(['Visit 5', 'Note 5']);
  expect((await member.db.events.get('e6'))!.title).toBe('Visit 6');
  expect(await member.db.events.count()).toBe(EVENTS);
  expect(bridge.error).toBeNull();
});
