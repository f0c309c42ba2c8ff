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
import type { Keyring } from './membership';

const subtle = globalThis.crypto.subtle;
const VERSION = 1;
export const ID_SLOT = '_';

export class PlanCipher {
  private readonly slots = new Map<string, string>();

  private constructor(
    readonly planId: string,
    readonly epoch: number,
    private readonly keys: Map<number, CryptoKey>,
    private readonly indexKey: CryptoKey,
  ) {}

  static async open(planId: string, keyring: Keyring): Promise<PlanCipher> {
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
    return new PlanCipher(planId, Math.max(...keyring.keys()), keys, indexKey);
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

  async seal(where: string, value: unknown): Promise<Bytes> {
    const key = this.keys.get(this.epoch)!;
    const iv = randomBytes(12);
    const head = new Uint8Array(5);
    head[0] = VERSION;
    new DataView(head.buffer).setUint32(1, this.epoch);
    const ct = await subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: utf8(`${this.planId}\n${where}`) },
      key,
      utf8(JSON.stringify(value)),
    );
    return concat(head, iv, new Uint8Array(ct));
  }

  /** The value sealed at `where`; throws when the key of its epoch is not held or it was tampered with. */
  async open(where: string, sealed: Uint8Array): Promise<unknown> {
    if (sealed.length < 17 + 16 || sealed[0] !== VERSION) throw new Error('Not a sealed value.');
    const epoch = new DataView(sealed.buffer, sealed.byteOffset, sealed.byteLength).getUint32(1);
    const key = this.keys.get(epoch);
    if (!key) throw new Error(`No key for epoch ${epoch}.`);
    const plain = await subtle.decrypt(
      { name: 'AES-GCM', iv: sealed.slice(5, 17), additionalData: utf8(`${this.planId}\n${where}`) },
      key,
      sealed.slice(17),
    );
    return JSON.parse(fromUtf8(new Uint8Array(plain)));
  }
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

/** One record read back from its map; `unreadable` counts entries this keyring cannot open. */
export async function readRecord(
  cipher: PlanCipher,
  tableSlot: string,
  recordSlot: string,
  record: Y.Map<Uint8Array>,
): Promise<{ record: PlainRecord | null; unreadable: number }> {
  const at = `${tableSlot}/${recordSlot}/`;
  const idEntry = record.get(ID_SLOT);
  if (!idEntry) return { record: null, unreadable: record.size };
  let table: string;
  let id: string;
  try {
    [table, id] = (await cipher.open(at + ID_SLOT, idEntry)) as [string, string];
    if (recordSlot !== (await cipher.slot('record', table, id))) throw new Error('Misplaced record.');
  } catch {
    return { record: null, unreadable: record.size };
  }
  const fields: Record<string, unknown> = {};
  let unreadable = 0;
  for (const [slot, sealed] of record) {
    if (slot === ID_SLOT) continue;
    try {
      // The additional data binds the value to this slot; a member may write any field anyway.
      const [field, value] = (await cipher.open(at + slot, sealed)) as [string, unknown];
      fields[field] = value;
    } catch {
      unreadable++;
    }
  }
  return { record: { table, id, fields }, unreadable };
}

/**
 * Every record the keyring can read, by table slot order; and how many entries it could not.
 * Root maps that hold other things than records (the app's sealed member names) are passed over.
 */
export async function readAllRecords(
  doc: Y.Doc,
  cipher: PlanCipher,
): Promise<{ records: PlainRecord[]; unreadable: number }> {
  const records: PlainRecord[] = [];
  let unreadable = 0;
  for (const tableSlot of doc.share.keys()) {
    const table = doc.getMap<Y.Map<Uint8Array>>(tableSlot);
    for (const [recordSlot, map] of table) {
      if (!(map instanceof Y.Map)) continue;
      const read = await readRecord(cipher, tableSlot, recordSlot, map);
      unreadable += read.unreadable;
      if (read.record) records.push(read.record);
    }
  }
  return { records, unreadable };
}
