/** Sealed checkpoints in the protocol: written from what a cipher opened, taken by tag, verified afterwards. */
import { expect, test } from 'vitest';
import * as Y from 'yjs';
import {
  type Keyring,
  CHECKPOINT_MIN_GAIN,
  CheckpointKeeper,
  PlanCipher,
  applySealed,
  checkpointBytes,
  coverage,
  openCheckpoint,
  readAllRecords,
  readCheckpoint,
  sealFields,
  writeCheckpoint,
  writeFields,
} from '../../../src/sync/protocol';

const key = () => crypto.getRandomValues(new Uint8Array(32));

async function plan(planId = 'plan-a', keyring = new Map([[0, key()]])) {
  const cipher = await PlanCipher.open(planId, keyring);
  const doc = new Y.Doc();
  const changes = [];
  for (let i = 0; i < 30; i++)
    changes.push(
      await sealFields(cipher, 'events', `e${i}`, { title: `Visit ${i}`, placeId: 'busan', participantIds: ['xi'] }),
    );
  applySealed(doc, changes);
  return { doc, cipher, keyring, planId };
}

/** A second device: a copy of the document and a fresh cipher (nothing opened yet). */
async function reader(p: { doc: Y.Doc; keyring: Keyring; planId: string }) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(p.doc));
  return { doc, cipher: await PlanCipher.open(p.planId, p.keyring) };
}

const byId = (records: { id: string; fields: Record<string, unknown> }[]) =>
  Object.fromEntries(records.map((r) => [r.id, r.fields]));

test('a checkpoint round trip: every entry is taken from it, none decrypted, the same records as the slow path', async () => {
  const p = await plan();
  const written = await writeCheckpoint(p.doc, p.cipher);
  expect(written!.size).toBe(30 * 4);

  const r = await reader(p);
  const checkpoint = await readCheckpoint(r.doc, r.cipher);
  expect(checkpoint?.size).toBe(120);
  const decryptsBefore = r.cipher.decrypts;
  const fast = await readAllRecords(r.doc, r.cipher, checkpoint);
  expect(r.cipher.decrypts - decryptsBefore).toBe(0);
  expect(fast).toMatchObject({ fromCheckpoint: 120, decrypted: 0, unreadable: 0 });

  const slow = await readAllRecords(r.doc, await PlanCipher.open(p.planId, p.keyring));
  expect(slow).toMatchObject({ fromCheckpoint: 0, decrypted: 120 });
  expect(byId(fast.records)).toEqual(byId(slow.records));
  expect(byId(fast.records).e7).toEqual({ title: 'Visit 7', placeId: 'busan', participantIds: ['xi'] });
  expect(coverage(r.doc, checkpoint)).toMatchObject({ total: 120, uncovered: 0 });
});

test('an edit made after the checkpoint is decrypted and wins', async () => {
  const p = await plan();
  await writeCheckpoint(p.doc, p.cipher);
  await writeFields(p.doc, p.cipher, 'events', 'e3', { title: 'Moved to Gyeongju' });

  const r = await reader(p);
  const checkpoint = await readCheckpoint(r.doc, r.cipher);
  const read = await readAllRecords(r.doc, r.cipher, checkpoint);
  // The edit rewrote e3's title (its id entry is kept): that one is decrypted, the rest taken.
  expect(read).toMatchObject({ decrypted: 1, fromCheckpoint: 119 });
  expect(r.cipher.decrypts).toBe(1);
  expect(byId(read.records).e3!.title).toBe('Moved to Gyeongju');
  expect(coverage(r.doc, checkpoint).uncovered).toBe(1);
});

test('a corrupted checkpoint, one under a key not held, or one moved to another plan is ignored', async () => {
  const p = await plan();
  const written = (await writeCheckpoint(p.doc, p.cipher))!;

  const corrupted = written.sealed.slice();
  corrupted[40] = corrupted[40]! ^ 1;
  expect(await openCheckpoint(p.cipher, corrupted)).toBeNull();

  const stranger = await PlanCipher.open(p.planId, new Map([[0, key()]]));
  expect(await openCheckpoint(stranger, written.sealed)).toBeNull();

  // The same key, another plan id: the additional data does not match.
  const otherPlan = await PlanCipher.open('plan-b', p.keyring);
  expect(await openCheckpoint(otherPlan, written.sealed)).toBeNull();

  // Read the slow way, never an error: a reader whose checkpoint is corrupted decrypts everything.
  const r = await reader(p);
  const slot = await r.cipher.slot('checkpoint');
  const entryKey = await r.cipher.slot('checkpoint', 'latest');
  r.doc.getMap<Uint8Array>(slot).set(entryKey, corrupted);
  expect(await checkpointBytes(r.doc, r.cipher)).toBe(corrupted);
  const keeper = CheckpointKeeper.of(r.doc);
  expect(await keeper.newest(r.cipher)).toBeNull();
  const read = await readAllRecords(r.doc, r.cipher, await keeper.newest(r.cipher));
  expect(read).toMatchObject({ decrypted: 120, fromCheckpoint: 0, unreadable: 0 });
});

test('a forged plaintext for a real tag is shown first, caught by the verification, and the true value wins', async () => {
  const p = await plan();
  // A writer who lies: what it "opened" for e5's title is not what the ciphertext holds.
  const tableSlot = await p.cipher.slot('table', 'events');
  const recordSlot = await p.cipher.slot('record', 'events', 'e5');
  const titleSlot = await p.cipher.slot('field', 'events', 'e5', 'title');
  const where = `${tableSlot}/${recordSlot}/${titleSlot}`;
  const sealed = p.doc.getMap<Y.Map<Uint8Array>>(tableSlot).get(recordSlot)!.get(titleSlot)!;
  p.cipher.texts.set(sealed, [where, JSON.stringify(['title', 'Cancelled'])]);
  await writeCheckpoint(p.doc, p.cipher);

  const r = await reader(p);
  const keeper = CheckpointKeeper.of(r.doc);
  const checkpoint = (await keeper.newest(r.cipher))!;
  expect(byId((await readAllRecords(r.doc, r.cipher, checkpoint)).records).e5!.title).toBe('Cancelled');

  const heard: string[][] = [];
  keeper.onLies((lies) => heard.push(lies));
  let slices = 0;
  expect(await keeper.verify(r.cipher, checkpoint)).toEqual([where]);
  expect(heard).toEqual([[where]]);
  expect(keeper.distrusted).toBe(true);
  expect(await keeper.newest(r.cipher)).toBeNull();
  const again = await readAllRecords(r.doc, r.cipher, await keeper.newest(r.cipher));
  expect(byId(again.records).e5!.title).toBe('Visit 5');

  // The verification works in slices with a pause between them.
  const other = await reader(p);
  const cp = (await readCheckpoint(other.doc, other.cipher))!;
  const { verifyCheckpoint } = await import('../../../src/sync/protocol');
  await verifyCheckpoint(other.doc, other.cipher, cp, { slice: 25, pause: async () => void slices++ });
  expect(slices).toBe(Math.ceil(120 / 25));
});

test('a checkpoint that files a record under another id or another table is shown first, caught by the verification, and each record keeps its own', async () => {
  const p = await plan();
  // A writer who lies about where records belong: e5's id entry says it is e6, e7's says it is a place.
  const lieAbout = async (id: string, said: [string, string]) => {
    const tableSlot = await p.cipher.slot('table', 'events');
    const recordSlot = await p.cipher.slot('record', 'events', id);
    const sealed = p.doc.getMap<Y.Map<Uint8Array>>(tableSlot).get(recordSlot)!.get('_')!;
    const where = `${tableSlot}/${recordSlot}/_`;
    p.cipher.texts.set(sealed, [where, JSON.stringify(said)]);
    return where;
  };
  const misplacedId = await lieAbout('e5', ['events', 'e6']);
  const misplacedTable = await lieAbout('e7', ['places', 'e7']);
  await writeCheckpoint(p.doc, p.cipher);

  const r = await reader(p);
  const keeper = CheckpointKeeper.of(r.doc);
  const checkpoint = (await keeper.newest(r.cipher))!;
  const first = await readAllRecords(r.doc, r.cipher, checkpoint);
  // Taken on trust at first: e5's fields show as a second e6, and e7 as a place.
  const at = (table: string, id: string) => first.records.filter((x) => x.table === table && x.id === id);
  expect(
    at('events', 'e6')
      .map((x) => x.fields.title)
      .sort(),
  ).toEqual(['Visit 5', 'Visit 6']);
  expect(at('places', 'e7').map((x) => x.fields.title)).toEqual(['Visit 7']);
  expect(at('events', 'e5')).toEqual([]);
  const heard: string[][] = [];
  keeper.onLies((lies) => heard.push(lies));
  expect((await keeper.verify(r.cipher, checkpoint)).sort()).toEqual([misplacedId, misplacedTable].sort());
  expect(heard.flat().sort()).toEqual([misplacedId, misplacedTable].sort());
  expect(await keeper.newest(r.cipher)).toBeNull();

  // Read again without it: each record is where it belongs, with its own fields.
  const again = await readAllRecords(r.doc, r.cipher, await keeper.newest(r.cipher));
  const events = again.records.filter((x) => x.table === 'events');
  expect(events.map((x) => x.id).sort()).toEqual(Array.from({ length: 30 }, (_, i) => `e${i}`).sort());
  expect(again.records.filter((x) => x.table === 'places')).toEqual([]);
  expect(byId(events).e5!.title).toBe('Visit 5');
  expect(byId(events).e6!.title).toBe('Visit 6');
  expect(byId(events).e7!.title).toBe('Visit 7');
});

test('a writer covers only what it opened or sealed itself, and writes again only when its own would cover enough more', async () => {
  const p = await plan();
  const r = await reader(p);
  // Nothing opened yet on the reader: nothing to put in a checkpoint.
  expect(await writeCheckpoint(r.doc, r.cipher)).toBeNull();
  await readAllRecords(r.doc, r.cipher);
  const mine = (await writeCheckpoint(r.doc, r.cipher))!;
  expect(mine.size).toBe(120);

  const keeper = CheckpointKeeper.of(p.doc);
  await keeper.write(p.cipher);
  // 30 records: a new one now would cover no more than this one (and far under the minimum gain).
  expect(await keeper.maybeWrite(p.cipher)).toBeNull();
  // A rotated key: the next checkpoint is under the new epoch, and the old keyring cannot open it.
  const rotated = new Map([...p.keyring, [1, key()]]);
  const next = await PlanCipher.open(p.planId, rotated, p.cipher.texts);
  const written = (await keeper.maybeWrite(next))!;
  expect(written.epoch).toBe(1);
  expect(written.size).toBe(120);
  expect(await readCheckpoint(p.doc, await PlanCipher.open(p.planId, p.keyring))).toBeNull();
  expect((await readCheckpoint(p.doc, await PlanCipher.open(p.planId, rotated)))?.size).toBe(120);
});

test('a writer writes anew once more than the minimum gain of entries is newer than the checkpoint, not before', async () => {
  const p = await plan();
  const keeper = CheckpointKeeper.of(p.doc);
  await keeper.write(p.cipher);
  const add = async (from: number, count: number) => {
    const changes = [];
    for (let i = from; i < from + count; i++)
      changes.push(await sealFields(p.cipher, 'events', `n${i}`, { title: `New ${i}` }));
    applySealed(p.doc, changes);
  };
  // Each new record is two entries (its id and its title): 250 records are 500, not more than the gain.
  await add(0, CHECKPOINT_MIN_GAIN / 2);
  expect(coverage(p.doc, keeper.latest).uncovered).toBe(CHECKPOINT_MIN_GAIN);
  expect(await keeper.maybeWrite(p.cipher)).toBeNull();
  await add(CHECKPOINT_MIN_GAIN / 2, 1);
  const written = (await keeper.maybeWrite(p.cipher))!;
  expect(written.size).toBe(120 + CHECKPOINT_MIN_GAIN + 2);
  expect(coverage(p.doc, written).uncovered).toBe(0);
});
