/**
 * Copying a plan under new ids. Record ids are unique across every plan in the database, so a
 * duplicated plan, a second copy of the sample plan, or a file whose ids another plan already
 * uses gets fresh ids; every reference to them (places, participants, visits, scenario items,
 * the item ids inside an accepted conflict's id) follows, so the copy means what the original did.
 */
import type { Plan } from './model';
import { revisionIndex } from './plan-items';
import { TABLE_NAMES } from './records';

/** A short random suffix for new ids: letters and digits. */
export function idSuffix(): string {
  const bytes = new Uint8Array(4);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(36).padStart(2, '0')).join('');
}

/** A new id for `id` ending in `suffix`, within the 120 characters an id may have. */
export function renamedId(id: string, suffix: string): string {
  const base = id.replace(/\.[a-z0-9]{8}$/, '');
  return `${base.slice(0, 110)}.${suffix}`;
}

/** Every id the plan's records have, mapped to a new one. */
export function freshIdMap(plan: Plan, suffix: string = idSuffix()): Map<string, string> {
  const map = new Map<string, string>();
  for (const name of TABLE_NAMES)
    for (const r of plan[name] as { id: string }[]) map.set(r.id, renamedId(r.id, suffix));
  return map;
}

const mapId = (map: ReadonlyMap<string, string>, id: unknown) => (typeof id === 'string' ? (map.get(id) ?? id) : id);

/** One record with its id and every reference (`…Id`, `…Ids`, scenario item ids) renamed. */
function remapRecord(record: Record<string, unknown>, map: ReadonlyMap<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === 'id' || (key.endsWith('Id') && key !== 'planId')) out[key] = mapId(map, value);
    else if (key.endsWith('Ids') && Array.isArray(value)) out[key] = value.map((v) => mapId(map, v));
    else if (key === 'overrides' && Array.isArray(value))
      out[key] = value.map((o: Record<string, unknown>) => ({ ...o, itemId: mapId(map, o.itemId) }));
    else out[key] = value;
  }
  return out;
}

/** A conflict id (`rule:type:id|type:id`) with its item ids renamed (sorted again, as conflictId does). */
export function remapConflictId(id: string, map: ReadonlyMap<string, string>): string {
  const colon = id.indexOf(':');
  if (colon < 0) return id;
  const rule = id.slice(0, colon);
  const parts = id
    .slice(colon + 1)
    .split('|')
    .map((part) => {
      const c = part.indexOf(':');
      return c < 0 ? part : `${part.slice(0, c)}:${mapId(map, part.slice(c + 1)) as string}`;
    });
  parts.sort();
  return `${rule}:${parts.join('|')}`;
}

/** The plan with ids renamed by `map` (ids not in it stay). */
export function remapPlan(plan: Plan, map: ReadonlyMap<string, string>): Plan {
  const out: Record<string, unknown[]> = {};
  for (const name of TABLE_NAMES)
    out[name] = (plan[name] as unknown as Record<string, unknown>[]).map((r) => remapRecord(r, map));
  return out as unknown as Plan;
}

/** Accepted conflicts with the item ids in their ids renamed by `map`. */
export function remapAcceptances<A extends { id: string }>(list: readonly A[], map: ReadonlyMap<string, string>): A[] {
  return list.map((a) => ({ ...a, id: remapConflictId(a.id, map) }));
}

/**
 * An accepted conflict's fingerprint (JSON of [type, id, revision]) for a copy: ids renamed by
 * `map`; an item's revision becomes `copied` when it was the item's current revision in `plan`
 * (so an accepted conflict stays accepted in the copy), and stays as it was otherwise (so a
 * reopened one stays reopened). A fingerprint that is not such a list is kept as it is.
 */
export function remapFingerprint(
  fingerprint: string,
  map: ReadonlyMap<string, string>,
  plan: Plan,
  copied: string,
): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fingerprint);
  } catch {
    return fingerprint;
  }
  if (!Array.isArray(parsed)) return fingerprint;
  const revisions = revisionIndex(plan);
  const out = parsed.map((entry: unknown) => {
    if (!Array.isArray(entry) || entry.length !== 3) return entry;
    const [type, id, rev] = entry as [string, string, string | null];
    const current = revisions.get(`${type}:${id}`);
    return [type, map.get(id) ?? id, current !== undefined && current === rev ? copied : rev];
  });
  out.sort((a, b) =>
    Array.isArray(a) && Array.isArray(b)
      ? String(a[0]).localeCompare(String(b[0])) || String(a[1]).localeCompare(String(b[1]))
      : 0,
  );
  return JSON.stringify(out);
}
