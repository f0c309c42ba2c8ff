/**
 * Counted words for every message: "1 item refers…", "2 items refer…". One place decides the
 * plural, so no message says "1 items" or "item(s)".
 */

/** The singular or the plural (default: singular + "s") for a count. */
export function pluralOf(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}

/** A count as every message writes it, thousands grouped: grouped(12_000) → "12,000". */
export function grouped(n: number): string {
  return n.toLocaleString('en');
}

/** The count and its word: countOf(1, 'item') → "1 item", countOf(2_000, 'item') → "2,000 items". */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${grouped(n)} ${pluralOf(n, one, many)}`;
}

/** A verb agreeing with a count: verbOf(1, 'refers', 'refer') → "refers". */
export function verbOf(n: number, singular: string, plural: string): string {
  return n === 1 ? singular : plural;
}
