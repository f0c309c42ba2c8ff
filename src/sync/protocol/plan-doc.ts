/**
 * The shared plan as an encrypted Yjs document. One Y.Map per table, one nested Y.Map per record
 * (so concurrent edits of different fields merge), one entry per field. Every key the server sees
 * is an HMAC (table, record id, field name are not readable); every value is AES-256-GCM with a
 * fresh IV under the current epoch's key, bound by its additional data to the plan and the slot it
 * sits in, holding [field, value]. A record's `_` entry holds [table, id].
 * The HMAC key is derived from the first epoch's key, so slots stay stable across key rotations.
 */
import * as Y from 'yjs';
import { type Bytes, concat, fromUtf8, randomBytes, toB64u, utf8 } from './bytes';
import type { Checkpoint } from './checkpoint';
import type { Keyring } from './membership';

const subtle = globalThis.crypto.subtle;
const VERSION = 1;
export const ID_SLOT = '_';

/** What a cipher sealed or opened: sealed bytes → [where, JSON text]. Shared by a plan's ciphers across key rotations. */
export type OpenedTexts = WeakMap<Uint8Array, [where: string, text: string]>;

export class PlanCipher {
  private readonly slots = new Map<string, string>();
  /** How many values this cipher has decrypted (AES-GCM opens of field values). */
  decrypts = 0;

  private constructor(
    readonly planId: string,
    readonly epoch: number,
    private readonly keys: Map<number, CryptoKey>,
    private readonly indexKey: CryptoKey,
    readonly texts: OpenedTexts,
  ) {}

  /** `texts`: what the plan's previous cipher had opened (kept across a key rotation). */
  static async open(planId: string, keyring: Keyring, texts: OpenedTexts = new WeakMap()): Promise<PlanCipher> {
    const first = keyring.get(0);
    if (!first) throw new Error('The plan’s first key is missing.');
    const keys = new Map<number, CryptoKey>();
    for (const [epoch, raw] of keyring)
      keys.set(epoch, await subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']));
    const hkdf = await subtle.importKey('raw', first, 'HKDF', false, ['deriveKey']);
    const indexKey = await subtle.deriveKey(
      { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: utf8(`summitry-index/v1\n${planId}`) },
      hkdf,
      { name: 'HMAC', hash: 'SHA-256', length: 256 },
      false,
      ['sign'],
    );
    return new PlanCipher(planId, Math.max(...keyring.keys()), keys, indexKey, texts);
  }

  /** A stable, unreadable name for a table, record or field (16 bytes of HMAC, base64url). */
  async slot(...parts: string[]): Promise<string> {
    const text = parts.join('\u0000');
    let slot = this.slots.get(text);
    if (slot === undefined) {
      const mac = new Uint8Array(await subtle.sign('HMAC', this.indexKey, utf8(text)));
      slot = toB64u(mac.subarray(0, 16));
      this.slots.set(text, slot);
    }
    return slot;
  }

  /** Seals `value` (as JSON) at `where`; the cipher remembers what it sealed (for a checkpoint). */
  async seal(where: string, value: unknown): Promise<Bytes> {
    const text = JSON.stringify(value);
    const sealed = await this.sealBytes(where, utf8(text));
    this.texts.set(sealed, [where, text]);
    return sealed;
  }

  async sealBytes(where: string, plain: Bytes): Promise<Bytes> {
    const key = this.keys.get(this.epoch)!;
    const iv = randomBytes(12);
    const head = new Uint8Array(5);
    head[0] = VERSION;
    new DataView(head.buffer).setUint32(1, this.epoch);
    const ct = await subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: utf8(`${this.planId}\n${where}`) },
      key,
      plain,
    );
    return concat(head, iv, new Uint8Array(ct));
  }

  /** The value sealed at `where`; throws when the key of its epoch is not held or it was tampered with. */
  async open(where: string, sealed: Uint8Array): Promise<unknown> {
    const known = this.texts.get(sealed);
    if (known?.[0] === where) return JSON.parse(known[1]);
    const text = fromUtf8(await this.openBytes(where, sealed));
    const value: unknown = JSON.parse(text);
    this.texts.set(sealed, [where, text]);
    this.decrypts++;
    return value;
  }

  async openBytes(where: string, sealed: Uint8Array): Promise<Bytes> {
    if (sealed.length < 17 + 16 || sealed[0] !== VERSION) throw new Error('Not a sealed value.');
    const key = this.keys.get(epochOf(sealed));
    if (!key) throw new Error(`No key for epoch ${epochOf(sealed)}.`);
    const plain = await subtle.decrypt(
      { name: 'AES-GCM', iv: sealed.slice(5, 17), additionalData: utf8(`${this.planId}\n${where}`) },
      key,
      sealed.slice(17),
    );
    return new Uint8Array(plain);
  }

  /** The JSON text this cipher sealed or opened at `where` as exactly these bytes (no decrypt); undefined if none. */
  knownText(where: string, sealed: Uint8Array): string | undefined {
    const known = this.texts.get(sealed);
    return known?.[0] === where ? known[1] : undefined;
  }
}

/** The key epoch a sealed value says it is under. */
export function epochOf(sealed: Uint8Array): number {
  return new DataView(sealed.buffer, sealed.byteOffset, sealed.byteLength).getUint32(1);
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** The GCM tag of a sealed value (its last 16 bytes) in hex: it names that exact ciphertext. */
export function tagOf(sealed: Uint8Array): string {
  let out = '';
  for (let i = sealed.length - 16; i < sealed.length; i++) out += HEX[sealed[i]!];
  return out;
}

export interface SealedChange {
  tableSlot: string;
  recordSlot: string;
  entries: [slot: string, sealed: Bytes][];
}

/** Seals the given fields of one record (async); apply the result with applySealed (sync). */
export async function sealFields(
  cipher: PlanCipher,
  table: string,
  id: string,
  fields: Record<string, unknown>,
): Promise<SealedChange> {
  const tableSlot = await cipher.slot('table', table);
  const recordSlot = await cipher.slot('record', table, id);
  const at = `${tableSlot}/${recordSlot}/`;
  const entries: [string, Bytes][] = [[ID_SLOT, await cipher.seal(at + ID_SLOT, [table, id])]];
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const slot = await cipher.slot('field', table, id, field);
    entries.push([slot, await cipher.seal(at + slot, [field, value])]);
  }
  return { tableSlot, recordSlot, entries };
}

/** Writes sealed changes in one Yjs transaction; a record's map is created once, its id entry kept. */
export function applySealed(doc: Y.Doc, changes: readonly SealedChange[], origin?: unknown): void {
  doc.transact(() => {
    for (const c of changes) {
      const table = doc.getMap<Y.Map<Uint8Array>>(c.tableSlot);
      let record = table.get(c.recordSlot);
      if (!record) {
        record = new Y.Map<Uint8Array>();
        table.set(c.recordSlot, record);
      }
      for (const [slot, sealed] of c.entries) if (slot !== ID_SLOT || !record.has(ID_SLOT)) record.set(slot, sealed);
    }
  }, origin);
}

export async function writeFields(
  doc: Y.Doc,
  cipher: PlanCipher,
  table: string,
  id: string,
  fields: Record<string, unknown>,
  origin?: unknown,
): Promise<void> {
  applySealed(doc, [await sealFields(cipher, table, id, fields)], origin);
}

export interface PlainRecord {
  table: string;
  id: string;
  fields: Record<string, unknown>;
}

export interface ReadCounts {
  /** Entries this keyring could not open. */
  unreadable: number;
  /** Entries taken from the checkpoint (not decrypted). */
  fromCheckpoint: number;
  /** Entries decrypted. */
  decrypted: number;
}

/** Records read at once by readAllRecords. */
const READ_AHEAD = 64;

const isPair = (v: unknown): v is [string, string] =>
  Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string';

/**
 * One record read back from its map; an entry the checkpoint covers (the same ciphertext at the
 * same place) is taken from it, the record slot's HMAC check then left to verifyCheckpoint.
 */
export async function readRecord(
  cipher: PlanCipher,
  tableSlot: string,
  recordSlot: string,
  record: Y.Map<Uint8Array>,
  checkpoint?: Checkpoint | null,
  counts: ReadCounts = { unreadable: 0, fromCheckpoint: 0, decrypted: 0 },
): Promise<{ record: PlainRecord | null; unreadable: number }> {
  const at = `${tableSlot}/${recordSlot}`;
  const idEntry = record.get(ID_SLOT);
  const before = counts.unreadable;
  const fail = () => {
    counts.unreadable += record.size;
    return { record: null, unreadable: record.size };
  };
  if (!idEntry) return fail();
  let table: string;
  let id: string;
  const said = checkpoint?.take(at, ID_SLOT, idEntry);
  if (isPair(said)) {
    [table, id] = said;
    counts.fromCheckpoint++;
  } else {
    try {
      [table, id] = (await cipher.open(`${at}/${ID_SLOT}`, idEntry)) as [string, string];
      counts.decrypted++;
      if (recordSlot !== (await cipher.slot('record', table, id))) throw new Error('Misplaced record.');
    } catch {
      return fail();
    }
  }
  const fields: Record<string, unknown> = {};
  // Decrypted side by side (WebCrypto works off the thread), then set in the map's order.
  const opening: Promise<[string, unknown] | null>[] = [];
  for (const [slot, sealed] of record) {
    if (slot === ID_SLOT) continue;
    const taken = checkpoint?.take(at, slot, sealed);
    if (Array.isArray(taken) && typeof taken[0] === 'string') {
      counts.fromCheckpoint++;
      opening.push(Promise.resolve(taken as [string, unknown]));
      continue;
    }
    // The additional data binds the value to this slot; a member may write any field anyway.
    opening.push(
      cipher.open(`${at}/${slot}`, sealed).then(
        (pair) => {
          counts.decrypted++;
          return pair as [string, unknown];
        },
        () => {
          counts.unreadable++;
          return null;
        },
      ),
    );
  }
  for (const pair of await Promise.all(opening)) if (pair) fields[pair[0]] = pair[1];
  return { record: { table, id, fields }, unreadable: counts.unreadable - before };
}

/**
 * Every record the keyring can read, by table slot order; and how many entries it could not
 * (and how many it took from `checkpoint`, how many it decrypted).
 * Root maps that hold other things than records (the app's sealed member names, the checkpoint) are passed over.
 */
export async function readAllRecords(
  doc: Y.Doc,
  cipher: PlanCipher,
  checkpoint?: Checkpoint | null,
): Promise<{ records: PlainRecord[] } & ReadCounts> {
  const records: PlainRecord[] = [];
  const counts: ReadCounts = { unreadable: 0, fromCheckpoint: 0, decrypted: 0 };
  let reading: Promise<{ record: PlainRecord | null }>[] = [];
  const settle = async () => {
    for (const read of await Promise.all(reading)) if (read.record) records.push(read.record);
    reading = [];
  };
  for (const tableSlot of doc.share.keys()) {
    const table = doc.getMap<Y.Map<Uint8Array>>(tableSlot);
    for (const [recordSlot, map] of table) {
      if (!(map instanceof Y.Map)) continue;
      // READ_AHEAD records at once: a decrypt waits on WebCrypto, not on the one before it.
      reading.push(readRecord(cipher, tableSlot, recordSlot, map, checkpoint, counts));
      if (reading.length === READ_AHEAD) await settle();
    }
  }
  await settle();
  return { records, ...counts };
}
