/**
 * Field schemas shared by the records (ids, instants, local dates, zones, bounded text) and the
 * stamps every stored record carries. Each record's own file (place.ts, event.ts, …) composes them.
 *
 * Instants are UTC ISO-8601 strings with milliseconds and a `Z` (`2025-09-19T12:00:00.000Z`),
 * so they sort as strings and index in IndexedDB; each timed item keeps the IANA zone it was
 * planned in. All-day items are local dates (`YYYY-MM-DD`, end inclusive) in their zone.
 */
import { z } from 'zod';
import { DateTime } from 'luxon';
import { FIRST_PLAN_YEAR, isValidZone, PLAN_YEARS_TEXT } from '../../time';
import { cleanText } from './clean';

// No code generation: zod's JIT probes `new Function`, which the strict CSP (no unsafe-eval) forbids.
z.config({ jitless: true });

export type Brand<T, B extends string> = T & { readonly __brand: B };

export const idOf = <B extends string>() =>
  z
    .string({ error: 'must be an id (text)' })
    .trim()
    .min(1, 'is required')
    .max(120, 'is too long (120 characters at most)')
    .regex(/^[A-Za-z0-9._:@-]+$/, 'may hold only letters, digits and . _ : @ -')
    .transform((s) => s as Brand<string, B>);

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `YYYY-MM-DDTHH:mm:ss.SSSZ`: the separators' places, every other place a digit. */
const NORMAL_SEPARATORS: Record<number, number> = { 4: 45, 7: 45, 10: 84, 13: 58, 16: 58, 19: 46, 23: 90 };

/**
 * Already `YYYY-MM-DDTHH:mm:ss.SSSZ` and a real instant (the fast path: imports check tens of
 * thousands). Plain arithmetic, no Date: the same answer as `new Date(Date.parse(s)).toISOString() === s`
 * (hours 00–23, days that exist in their month, leap years by the Gregorian rule).
 */
export function isNormalInstant(s: string): boolean {
  if (s.length !== 24) return false;
  for (let i = 0; i < 24; i++) {
    const c = s.charCodeAt(i);
    const separator = NORMAL_SEPARATORS[i];
    if (separator !== undefined ? c !== separator : c < 48 || c > 57) return false;
  }
  const num = (from: number, to: number) => Number(s.slice(from, to));
  const year = num(0, 4);
  const month = num(5, 7);
  const day = num(8, 10);
  if (month < 1 || month > 12 || day < 1 || num(11, 13) > 23 || num(14, 16) > 59 || num(17, 19) > 59) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= days;
}

/** True when a `YYYY-…` text (four-digit year, as the patterns ensure) falls in the plan's years. */
const inPlanYears = (s: string) => Number(s.slice(0, 4)) >= FIRST_PLAN_YEAR;
const BEFORE_PLAN_YEARS = `is before ${FIRST_PLAN_YEAR} (${PLAN_YEARS_TEXT})`;

/** A UTC instant from 1900 on, normalised to `YYYY-MM-DDTHH:mm:ss.SSSZ`. */
export const instantSchema = z
  .string({ error: 'must be a UTC date-time' })
  .regex(ISO_INSTANT, 'must be a UTC date-time such as 2025-09-19T12:00:00Z')
  .refine((s) => isNormalInstant(s) || DateTime.fromISO(s, { zone: 'utc' }).isValid, 'is not a real date-time')
  .refine(inPlanYears, BEFORE_PLAN_YEARS)
  .transform((s) =>
    isNormalInstant(s) ? s : DateTime.fromISO(s, { zone: 'utc' }).toISO({ suppressMilliseconds: false })!,
  );

/** A calendar date `YYYY-MM-DD` from 1900 on. */
export const localDateSchema = z
  .string({ error: 'must be a date' })
  .regex(ISO_DATE, 'must be a date such as 2025-10-31')
  .refine((s) => DateTime.fromISO(s, { zone: 'utc' }).isValid, 'is not a real date')
  .refine(inPlanYears, BEFORE_PLAN_YEARS);

export const timeZoneSchema = z
  .string({ error: 'is required (an IANA time zone such as Asia/Seoul)' })
  .min(1, 'is required (an IANA time zone such as Asia/Seoul)')
  .refine(isValidZone, { error: (issue) => `"${String(issue.input)}" is not a known IANA time zone` });

/** Free text: bounded, and cleaned (see cleanText in clean.ts). */
export const text = (max: number) =>
  z.string({ error: 'must be text' }).max(max, `is too long (${max} characters at most)`).transform(cleanText);

export const title = text(300).pipe(z.string().trim().min(1, 'is required'));

export const SAFE_URL_PROTOCOLS = ['http:', 'https:', 'mailto:'] as const;

/**
 * True for URLs a link may point at: absolute `http://host/…` or `https://host/…` (with the two
 * slashes and a host: `https:evil.example` is refused, though `new URL` would repair it) and
 * `mailto:` addresses. No spaces or control characters anywhere.
 */
export function isSafeUrl(url: string): boolean {
  if (!/^(?:https?:\/\/[^/?#]+|mailto:[^/?#]+@)/i.test(url) || /[\s\\\p{C}]/u.test(url)) return false;
  try {
    const parsed = new URL(url);
    if (!(SAFE_URL_PROTOCOLS as readonly string[]).includes(parsed.protocol)) return false;
    return parsed.protocol === 'mailto:' || parsed.hostname.length > 0;
  } catch {
    return false;
  }
}

export const UNSAFE_URL_MESSAGE =
  'must be an absolute web address such as https://example.org/page, or a mailto: address';

export const sourceSchema = z.object({
  title: title,
  url: z
    .string({ error: 'must be a web address' })
    .max(2000, 'is too long')
    .refine(isSafeUrl, UNSAFE_URL_MESSAGE)
    .optional(),
  date: localDateSchema.optional(),
});
export type Source = z.infer<typeof sourceSchema>;

export const STATUSES = [
  'speculative',
  'proposed',
  'tentative',
  'confirmed',
  'held',
  'postponed',
  'cancelled',
] as const;
export type Status = (typeof STATUSES)[number];
export const statusSchema = z.enum(STATUSES, { error: `must be one of ${STATUSES.join(', ')}` });

/** Topics: each cleaned and trimmed, a topic listed twice kept once (as a calendar's CATEGORIES would). */
export const topicsSchema = z
  .array(text(80).pipe(z.string().trim().min(1, 'may not be empty')))
  .max(50, 'has too many entries')
  .transform((topics) => [...new Set(topics)]);
export const sourcesSchema = z.array(sourceSchema).max(50, 'has too many entries');
/** Optional free text: cleaned, and left out when empty (an empty note is no note, in every file format). */
export const optionalText = (max: number) =>
  text(max)
    .transform((s) => (s ? s : undefined))
    .optional();
export const notesSchema = optionalText(20_000);
export const participantIdsSchema = <S extends z.ZodType>(ids: S) => z.array(ids).max(200, 'has too many entries');

export type PlanId = Brand<string, 'PlanId'>;
export const planIdSchema = idOf<'PlanId'>();

/**
 * What the write path (src/db/commands.ts) stamps on every stored record; all optional, so a
 * record from a file (which carries none of them) validates as it is:
 * - `planId`: the plan it belongs to;
 * - `updatedAt`: when it was last written (UTC instant);
 * - `rev`: its revision, 1 when first stored and +1 on every write (a stale edit is refused by it);
 * - `updatedBy`: the device id of the browser that wrote it last.
 * `rev` + `updatedBy` + `updatedAt` order two devices' writes of one record (see README, "Revisions").
 */
export const stamps = {
  planId: planIdSchema.optional(),
  updatedAt: instantSchema.optional(),
  rev: z.number({ error: 'must be a number' }).int('must be a whole number').min(0, 'may not be negative').optional(),
  updatedBy: z.string().max(120, 'is too long').optional(),
};

/** The stamp fields, by name (a backup leaves `planId`, `rev` and `updatedBy` out). */
export const STAMP_FIELDS = ['planId', 'updatedAt', 'rev', 'updatedBy'] as const;
