/**
 * The one text cleaner. Every text of every record (src/domain/model/records), of a file's header
 * (the plan's name) and of the database's `meta` values goes through `cleanText`, at write
 * (`runCommand` validates every record through the normalisers, which call `cleanRecordText`)
 * and at import (src/domain/files/restore.ts validates through the same normalisers). What it
 * does, deliberately:
 *
 * - Line breaks become `\n`: CRLF, a lone CR, NEL (U+0085), LINE SEPARATOR (U+2028) and
 *   PARAGRAPH SEPARATOR (U+2029). No raw CR ever reaches a file; U+2028/2029 are line breaks
 *   to a reader but not to most software, so they are made the one line break everyone knows.
 * - A tab becomes a space (it means nothing in a title and shifts columns in exports).
 * - Removed: every other C0 and C1 control character and DEL; the bidirectional embeddings,
 *   overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the direction marks (LRM U+200E,
 *   RLM U+200F, ALM U+061C), which make text display in another order than it is stored (a
 *   mark only moves the punctuation and digits beside it, but that is the same trick in small,
 *   and the browser orders Arabic and Hebrew words correctly without them); the deprecated
 *   format characters U+206A–U+206F; and the invisible characters that join or hide nothing a reader can see: ZERO WIDTH SPACE (U+200B),
 *   WORD JOINER and the invisible operators (U+2060–U+2064), MONGOLIAN VOWEL SEPARATOR (U+180E)
 *   and the byte-order mark (U+FEFF). They make two texts that look the same differ.
 * - Kept: ZERO WIDTH NON-JOINER and JOINER (U+200C, U+200D), which Persian, Indic scripts and
 *   emoji sequences need to spell words and pictures correctly; every other character.
 * - A lone surrogate (half of a UTF-16 pair) becomes U+FFFD, the replacement character: it
 *   cannot be written as UTF-8, so a file would change it anyway.
 *
 * The cleaner is idempotent: cleaning cleaned text changes nothing.
 */

/* eslint-disable no-control-regex -- matching control characters is the point */
export type Raw = Record<string, unknown>;

export function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Any character the cleaner may change (a quick test before the replacements). */
const NEEDS_CLEANING =
  /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u180E\u200B\u200E\u200F\u2028-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const LINE_BREAK = /\r\n?|[\u0085\u2028\u2029]/g;
/** Removed outright: controls (not \n; \t and \r are replaced before), bidi controls and marks, invisibles. */
export const UNSAFE_TEXT_CHARS =
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;

/** Text as it may be stored (see the rules above). */
export function cleanText(s: string): string {
  if (!NEEDS_CLEANING.test(s)) return s;
  return s
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(LINE_BREAK, '\n')
    .replace(/\t/g, ' ')
    .replace(UNSAFE_TEXT_CHARS, '');
}

/** Every string in a JSON-like value cleaned (object keys are left as they are; prototypes never touched). */
export function cleanDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return cleanText(value);
  if (depth > 64 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((v) => cleanDeep(v, depth + 1));
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanDeep(v, depth + 1)]));
}

/**
 * The one hook every record's normaliser calls before validation, on whatever the record came
 * from (the editor, a file, a sync): every string of the record, nested ones included, cleaned.
 */
export function cleanRecordText(value: unknown): unknown {
  return isRecord(value) ? cleanDeep(value) : value;
}

/** A plan's name as it may be stored and written to a file: cleaned, trimmed, or `fallback` if nothing is left. */
export function cleanPlanName(name: unknown, fallback = 'Imported plan'): string {
  return (typeof name === 'string' ? cleanText(name).trim().slice(0, 300) : '') || fallback;
}

/**
 * One line of text from outside the plan's records — a file's name as the browser gives it, a
 * history entry's label, a device's name — as it may be shown and stored: cleaned, every line
 * break a space, trimmed, at most `max` characters, or `fallback` if nothing is left. A file
 * named `report\u202Egnp.json` is shown as `reportgnp.json`, as it is, never as `reportnosj.png`.
 */
export function cleanLine(text: unknown, fallback: string, max = 500): string {
  return (typeof text === 'string' ? cleanText(text).replace(/\n/g, ' ').trim().slice(0, max).trim() : '') || fallback;
}
