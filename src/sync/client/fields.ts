/**
 * A record's fields in the shared document. Each field is sealed on its own as
 * `[field, value, meta]`: meta says which write it is (`i`), by which member (`b`), when (`t`),
 * and which write of that field it replaced (`p`: what its writer had seen), so a value that
 * replaced one its writer never saw is a concurrent edit (a sync conflict), not a later one. A
 * field removed from a record is sealed with `x: 1`. A deleted record keeps its map with a
 * `~deleted` field listing the writes it had seen. The stamps (`planId`, `rev`, `updatedAt`,
 * `updatedBy`) stay local: every device stamps its own.
 */
import { STAMP_FIELDS } from '../../domain/model';
import { type Bytes, type Checkpoint, ID_SLOT, type PlanCipher, randomBytes, toB64u } from '../protocol';

export const DELETED = '~deleted';

export interface FieldMeta {
  i: string;
  b: string;
  t: string;
  p: string | null;
  /** The writes of this field its writer had seen, newest first (`p` and up to 7 before it). */
  s?: string[];
  x?: 1;
}

/** What a write made on top of `prev` has seen. */
export function chainAfter(prev: FieldMeta | undefined): string[] {
  if (!prev?.i) return [];
  return [prev.i, ...(prev.s ?? [])].slice(0, 8);
}

/** True when the writer of `meta` had seen the write `id`. */
export function hasSeen(meta: FieldMeta, id: string): boolean {
  return meta.i === id || meta.p === id || (meta.s ?? []).includes(id);
}

export interface OpenField {
  field: string;
  value: unknown;
  meta: FieldMeta;
}

const LOCAL = new Set<string>(STAMP_FIELDS);

/** The fields a record shares (no stamps, nothing undefined). */
export function sharedFields(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) if (!LOCAL.has(k) && v !== undefined) out[k] = v;
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What changed between two versions of a record: fields set (new values) and fields removed. */
export function fieldChanges(
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
): { set: Record<string, unknown>; unset: string[] } {
  const a = sharedFields(after);
  const b = before ? sharedFields(before) : {};
  const set: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(a)) if (!(k in b) || !same(b[k], v)) set[k] = v;
  const unset = Object.keys(b).filter((k) => !(k in a));
  return { set, unset };
}

export function sameShared(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const x = sharedFields(a);
  const y = sharedFields(b);
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((k) => k in y && same(x[k], y[k]));
}

export function newWriteId(): string {
  return toB64u(randomBytes(9));
}

const isPair = (v: unknown): v is [string, string] =>
  Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string';

const asOpen = ([field, value, meta]: [string, unknown, FieldMeta?]): OpenField => ({
  field,
  value,
  meta: meta ?? { i: '', b: '', t: '', p: null },
});

/**
 * Seals and opens field values; remembers what it opened (by the sealed bytes). An entry the
 * checkpoint covers (the same ciphertext at the same place) is taken from it instead of decrypted.
 */
export class FieldCodec {
  private readonly opened = new WeakMap<Uint8Array, OpenField>();
  private readonly ids = new Map<string, [table: string, id: string]>();
  /** The checkpoint entries are taken from; null when there is none or it is not to be trusted. */
  checkpoint: Checkpoint | null = null;
  /** Entries taken from a checkpoint so far. */
  taken = 0;
  /** Entries decrypted so far (ids and fields opened by this codec). */
  decrypted = 0;

  constructor(public cipher: PlanCipher) {}

  /** Forgets what was opened of a record (its id and the given sealed values): they are opened again. */
  forget(recordKey: string, sealed: Iterable<Uint8Array>): void {
    this.ids.delete(recordKey);
    for (const bytes of sealed) this.opened.delete(bytes);
  }

  tableSlot(table: string): Promise<string> {
    return this.cipher.slot('table', table);
  }

  recordSlot(table: string, id: string): Promise<string> {
    return this.cipher.slot('record', table, id);
  }

  fieldSlot(table: string, id: string, field: string): Promise<string> {
    return this.cipher.slot('field', table, id, field);
  }

  sealId(tableSlot: string, recordSlot: string, table: string, id: string): Promise<Bytes> {
    return this.cipher.seal(`${tableSlot}/${recordSlot}/${ID_SLOT}`, [table, id]);
  }

  async seal(at: string, field: string, value: unknown, meta: FieldMeta): Promise<Bytes> {
    const sealed = await this.cipher.seal(at, [field, value ?? null, meta]);
    this.opened.set(sealed, { field, value, meta });
    return sealed;
  }

  /** The record a map belongs to, checked against its slot; null when it cannot be read. */
  async openId(
    tableSlot: string,
    recordSlot: string,
    sealed: Uint8Array | undefined,
  ): Promise<[string, string] | null> {
    const known = this.ids.get(`${tableSlot}/${recordSlot}`);
    if (known) return known;
    if (!sealed) return null;
    const said = this.checkpoint?.take(`${tableSlot}/${recordSlot}`, ID_SLOT, sealed);
    if (isPair(said)) {
      // Its slot is checked with HMAC when the checkpoint is verified (in the background).
      this.taken++;
      this.ids.set(`${tableSlot}/${recordSlot}`, said);
      return said;
    }
    try {
      const [table, id] = (await this.cipher.open(`${tableSlot}/${recordSlot}/${ID_SLOT}`, sealed)) as [string, string];
      this.decrypted++;
      if (typeof table !== 'string' || typeof id !== 'string') return null;
      if ((await this.tableSlot(table)) !== tableSlot || (await this.recordSlot(table, id)) !== recordSlot) return null;
      this.ids.set(`${tableSlot}/${recordSlot}`, [table, id]);
      return [table, id];
    } catch {
      return null;
    }
  }

  /** A field value; null when this keyring cannot open it or it was tampered with. */
  async open(at: string, sealed: Uint8Array): Promise<OpenField | null> {
    const cached = this.opened.get(sealed);
    if (cached) return cached;
    const said = this.checkpoint?.takeAt(at, sealed);
    if (Array.isArray(said) && typeof said[0] === 'string') {
      const open = asOpen(said as [string, unknown, FieldMeta?]);
      this.taken++;
      this.opened.set(sealed, open);
      return open;
    }
    try {
      const opened = (await this.cipher.open(at, sealed)) as [string, unknown, FieldMeta?];
      this.decrypted++;
      if (typeof opened[0] !== 'string') return null;
      const open = asOpen(opened);
      this.opened.set(sealed, open);
      return open;
    } catch {
      return null;
    }
  }
}
