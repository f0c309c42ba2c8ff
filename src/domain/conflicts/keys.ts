/**
 * What the recheck reads of each previous conflict, in typed arrays beside the list, so that it
 * can decide which to keep without reading the conflicts themselves (at 100,000 adversarial
 * items, 76,000 objects spread over the heap: a few ms of cache misses): each one's rule
 * (`RULE_RANK`) and the `n` of its one or two items (see `writeNumbers`). Made for a list the
 * first time a recheck starts from it (a full run's), then carried from each recheck's list to
 * the next (`mergeKeys`).
 */
import { compareBuilt, type Built } from './make';

export interface ConflictKeys {
  rule: Uint8Array;
  a: Int32Array;
  b: Int32Array;
}

const made = new WeakMap<readonly Built[], ConflictKeys>();

/** The keys of `list` (the conflicts of an analysis, in its order). */
export function keysOf(list: readonly Built[]): ConflictKeys {
  let keys = made.get(list);
  if (!keys) {
    keys = { rule: new Uint8Array(list.length), a: new Int32Array(list.length), b: new Int32Array(list.length) };
    for (let i = 0; i < list.length; i++) {
      const c = list[i]!;
      keys.rule[i] = c.ruleIndex;
      c.writeNumbers(keys.a, keys.b, i);
    }
    made.set(list, keys);
  }
  return keys;
}

/**
 * The conflicts of `prev` marked in `keep` and those in `fresh`, each in the engine's order, as
 * one list in that order; its keys made from `prev`'s without
 * reading the kept conflicts.
 */
export function mergeKeys(prev: readonly Built[], keep: Uint8Array, fresh: readonly Built[]): Built[] {
  const before = (x: Built, y: Built) => compareBuilt(x, y) < 0;
  const from = keysOf(prev);
  // Where each fresh conflict goes: before the first of `prev` it comes before. A few are found
  // by binary search; many (a capped rule run again whole) by one walk along `prev`.
  const at = new Uint32Array(fresh.length);
  let lo = 0;
  const walk = fresh.length * Math.log2(prev.length + 1) > prev.length;
  for (let j = 0; j < fresh.length; j++) {
    if (walk) {
      while (lo < prev.length && !before(fresh[j]!, prev[lo]!)) lo++;
    } else {
      let hi = prev.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (before(fresh[j]!, prev[mid]!)) hi = mid;
        else lo = mid + 1;
      }
    }
    at[j] = lo;
  }
  let size = fresh.length;
  for (let i = 0; i < keep.length; i++) size += keep[i]!;
  const out = new Array<Built>(size);
  const keys: ConflictKeys = { rule: new Uint8Array(size), a: new Int32Array(size), b: new Int32Array(size) };
  let j = 0;
  let k = 0;
  const putFresh = () => {
    const c = fresh[j++]!;
    out[k] = c;
    keys.rule[k] = c.ruleIndex;
    c.writeNumbers(keys.a, keys.b, k++);
  };
  for (let i = 0; i < prev.length; i++) {
    while (j < fresh.length && at[j] === i) putFresh();
    if (!keep[i]) continue;
    out[k] = prev[i]!;
    keys.rule[k] = from.rule[i]!;
    keys.a[k] = from.a[i]!;
    keys.b[k++] = from.b[i]!;
  }
  while (j < fresh.length) putFresh();
  made.set(out, keys);
  return out;
}
