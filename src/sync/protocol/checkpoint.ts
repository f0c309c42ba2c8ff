/**
 * Sealed checkpoints: a new member's first read without one decrypt per field. A checkpoint is
 * one AES-256-GCM-sealed blob (current epoch key, additional data binding it to the plan and the
 * `checkpoint` slot) holding, for every field entry its writer had opened, the entry's place, the
 * GCM tag of the sealed bytes it opened (their last 16 bytes: that exact ciphertext) and the
 * plaintext. It sits in the document under a root map named by an HMAC slot, one entry, replaced
 * by each newer checkpoint. A reader takes an entry from it only when the entry's sealed bytes
 * carry the same tag at the same place; anything else is decrypted as usual. A checkpoint could
 * lie (its writer may write those fields anyway, but could show newcomers another value than the
 * field's real one), so a reader verifies it afterwards (verifyCheckpoint) and drops it on a mismatch.
 */
import * as Y from 'yjs';
import { fromUtf8, utf8 } from './bytes';
import { ID_SLOT, type PlanCipher, epochOf, tagOf } from './plan-doc';
import { nextTask } from '../../domain/tasks';

const FORMAT = 1;
/** The fixed slot a checkpoint is sealed at (its additional data: plan id and this). */
const WHERE = 'checkpoint';

type Entries = Record<string, Record<string, [tag: string, plain: unknown]>>;

export class Checkpoint {
  constructor(
    /** The key epoch it is sealed under. */
    readonly epoch: number,
    /** Its sealed bytes as they sit in the document. */
    readonly sealed: Uint8Array,
    private readonly records: Entries,
    /** How many entries it holds. */
    readonly size: number,
    /** Its plaintexts are still JSON text (the writer's own copy: parsed when taken). */
    private readonly raw = false,
  ) {}

  /** The opened value of the entry at `recordKey` + `slot` when `sealed` is the exact ciphertext it covers. */
  take(recordKey: string, slot: string, sealed: Uint8Array): unknown {
    const entry = this.records[recordKey]?.[slot];
    if (!entry || sealed.length < 33 || entry[0] !== tagOf(sealed)) return undefined;
    return this.raw ? JSON.parse(entry[1] as string) : entry[1];
  }

  /** `take` by the entry's full place (`tableSlot/recordSlot/slot`). */
  takeAt(where: string, sealed: Uint8Array): unknown {
    const cut = where.lastIndexOf('/');
    return this.take(where.slice(0, cut), where.slice(cut + 1), sealed);
  }
}

interface Place {
  tableSlot: string;
  recordSlot: string;
  slot: string;
  sealed: Uint8Array;
}

/** Every field entry of the document's record maps (root maps holding other things are passed over). */
function* entriesOf(doc: Y.Doc): Generator<Place> {
  for (const tableSlot of doc.share.keys()) {
    const table = doc.getMap<unknown>(tableSlot);
    for (const [recordSlot, map] of table) {
      if (!(map instanceof Y.Map)) continue;
      for (const [slot, sealed] of map as Y.Map<unknown>)
        if (sealed instanceof Uint8Array) yield { tableSlot, recordSlot, slot, sealed };
    }
  }
}

/** The root map and the key the checkpoint sits under (both HMAC slots). */
async function home(cipher: PlanCipher): Promise<{ root: string; key: string }> {
  return { root: await cipher.slot(WHERE), key: await cipher.slot(WHERE, 'latest') };
}

/** The newest checkpoint's sealed bytes in the document, if there is one. */
export async function checkpointBytes(doc: Y.Doc, cipher: PlanCipher): Promise<Uint8Array | null> {
  const { root, key } = await home(cipher);
  if (!doc.share.has(root)) return null;
  const sealed = doc.getMap<unknown>(root).get(key);
  return sealed instanceof Uint8Array ? sealed : null;
}

/** Opens sealed checkpoint bytes; null when they cannot be read (unknown key, tampered, wrong plan, bad shape). */
export async function openCheckpoint(cipher: PlanCipher, sealed: Uint8Array): Promise<Checkpoint | null> {
  try {
    const payload = JSON.parse(fromUtf8(await cipher.openBytes(WHERE, sealed))) as {
      v?: unknown;
      n?: unknown;
      e?: unknown;
    };
    if (payload.v !== FORMAT || typeof payload.e !== 'object' || payload.e === null || typeof payload.n !== 'number')
      return null;
    return new Checkpoint(epochOf(sealed), sealed, payload.e as Entries, payload.n);
  } catch {
    return null;
  }
}

/** The document's newest checkpoint, opened; null when there is none or it cannot be read. */
export async function readCheckpoint(doc: Y.Doc, cipher: PlanCipher): Promise<Checkpoint | null> {
  const sealed = await checkpointBytes(doc, cipher);
  return sealed ? openCheckpoint(cipher, sealed) : null;
}

/**
 * Seals a checkpoint of every entry this cipher has opened or sealed (as the bytes the document
 * holds now: nothing is decrypted again) and puts it in the document, replacing the previous one.
 * Returns it, or null when the cipher had opened nothing.
 */
export async function writeCheckpoint(doc: Y.Doc, cipher: PlanCipher, origin?: unknown): Promise<Checkpoint | null> {
  const parts: string[] = [];
  const raw: Entries = {};
  let size = 0;
  let record = '';
  for (const { tableSlot, recordSlot, slot, sealed } of entriesOf(doc)) {
    const at = `${tableSlot}/${recordSlot}`;
    const text = cipher.knownText(`${at}/${slot}`, sealed);
    if (text === undefined) continue;
    // Slots are base64url, tags hex, texts JSON: they are spliced in as they are.
    if (at !== record) parts.push(`${parts.length ? '},' : ''}"${at}":{`);
    else parts.push(',');
    const tag = tagOf(sealed);
    parts.push(`"${slot}":["${tag}",${text}]`);
    (raw[at] ??= {})[slot] = [tag, text];
    record = at;
    size++;
  }
  if (size === 0) return null;
  const json = `{"v":${FORMAT},"n":${size},"e":{${parts.join('')}${size ? '}' : ''}}}`;
  // Not compressed: gzip through Web Streams costs Node seconds for a 10,000-item plan.
  const sealed = await cipher.sealBytes(WHERE, utf8(json));
  const { root, key } = await home(cipher);
  doc.transact(() => doc.getMap<Uint8Array>(root).set(key, sealed), origin);
  return new Checkpoint(cipher.epoch, sealed, raw, size, true);
}

/**
 * How many field entries the document holds, how many of them `checkpoint` does not cover, and
 * how many `cipher` has opened or sealed (what a checkpoint it wrote now would cover).
 */
export function coverage(
  doc: Y.Doc,
  checkpoint: Checkpoint | null,
  cipher?: PlanCipher,
): { total: number; uncovered: number; known: number } {
  let total = 0;
  let uncovered = 0;
  let known = 0;
  for (const p of entriesOf(doc)) {
    total++;
    const at = `${p.tableSlot}/${p.recordSlot}`;
    if (checkpoint?.take(at, p.slot, p.sealed) === undefined) uncovered++;
    if (cipher?.knownText(`${at}/${p.slot}`, p.sealed) !== undefined) known++;
  }
  return { total, uncovered, known };
}

const canonical = (value: unknown) => JSON.stringify(value);

/**
 * Decrypts every entry of the document the checkpoint covers, a slice at a time, and compares it
 * with what the checkpoint said (an id entry's record slot is checked with HMAC as well).
 * Returns the places (`tableSlot/recordSlot/slot`) where the checkpoint lied; empty when it told the truth.
 */
export async function verifyCheckpoint(
  doc: Y.Doc,
  cipher: PlanCipher,
  checkpoint: Checkpoint,
  options: { slice?: number; pause?: () => Promise<void> } = {},
): Promise<string[]> {
  const todo: [Place, unknown][] = [];
  for (const p of entriesOf(doc)) {
    const said = checkpoint.take(`${p.tableSlot}/${p.recordSlot}`, p.slot, p.sealed);
    if (said !== undefined) todo.push([p, said]);
  }
  const slice = options.slice ?? 200;
  const pause = options.pause ?? nextTask;
  const lies: string[] = [];
  for (let i = 0; i < todo.length; i++) {
    // First a pause: the read that used the checkpoint finishes before any of this work.
    if (i % slice === 0) await pause();
    const [p, said] = todo[i]!;
    const where = `${p.tableSlot}/${p.recordSlot}/${p.slot}`;
    let ok = false;
    try {
      const value = await cipher.open(where, p.sealed);
      ok = canonical(value) === canonical(said);
      if (ok && p.slot === ID_SLOT) {
        const [table, id] = value as [string, string];
        ok =
          (await cipher.slot('table', table)) === p.tableSlot &&
          (await cipher.slot('record', table, id)) === p.recordSlot;
      }
    } catch {
      ok = false;
    }
    if (!ok) lies.push(where);
  }
  return lies;
}
