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
import { type Bytes, ID_SLOT, type PlanCipher, randomBytes, toB64u } from '../protocol';

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

/** Seals and opens field values; remembers what it opened (by the sealed bytes). */
export class FieldCodec {
  private readonly opened = new WeakMap<Uint8Array, OpenField>();
  private readonly ids = new Map<string, [table: string, id: string]>();

  constructor(public cipher: PlanCipher) {}

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
    try {
      const [table, id] = (await this.cipher.open(`${tableSlot}/${recordSlot}/${ID_SLOT}`, sealed)) as [string, string];
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
    try {
      const [field, value, meta] = (await this.cipher.open(at, sealed)) as [string, unknown, FieldMeta?];
      if (typeof field !== 'string') return null;
      const open: OpenField = { field, value, meta: meta ?? { i: '', b: '', t: '', p: null } };
      this.opened.set(sealed, open);
      return open;
    } catch {
      return null;
    }
  }
}
