/**
 * The plan's domain model: types and their validators.
 *
 * Instants are UTC ISO-8601 strings with milliseconds and a `Z` (`2025-09-19T12:00:00.000Z`),
 * so they sort as strings and index in IndexedDB; each timed item keeps the IANA zone it was
 * planned in. All-day items are local dates (`YYYY-MM-DD`, end inclusive) in their zone; their
 * `startsAt`/`endsAt` are derived from those dates (start of the first local day, start of the
 * day after the last) by `normalizeEvent`/`normalizeWindow` and never edited directly.
 * Intervals are half-open: [startsAt, endsAt).
 */
import { z } from 'zod';
import { DateTime } from 'luxon';
import { isValidZone } from '../time';

// No code generation: zod's JIT probes `new Function`, which the strict CSP (no unsafe-eval) forbids.
z.config({ jitless: true });

export type Brand<T, B extends string> = T & { readonly __brand: B };
export type PlaceId = Brand<string, 'PlaceId'>;
export type ParticipantId = Brand<string, 'ParticipantId'>;
export type EventId = Brand<string, 'EventId'>;
export type VisitId = Brand<string, 'VisitId'>;
export type LegId = Brand<string, 'LegId'>;
export type WindowId = Brand<string, 'WindowId'>;
export type ScenarioId = Brand<string, 'ScenarioId'>;

const idOf = <B extends string>() =>
  z
    .string({ error: 'must be an id (text)' })
    .trim()
    .min(1, 'is required')
    .max(120, 'is too long (120 characters at most)')
    .regex(/^[A-Za-z0-9._:@-]+$/, 'may hold only letters, digits and . _ : @ -')
    .transform((s) => s as Brand<string, B>);

export const placeIdSchema = idOf<'PlaceId'>();
export const participantIdSchema = idOf<'ParticipantId'>();
export const eventIdSchema = idOf<'EventId'>();
export const visitIdSchema = idOf<'VisitId'>();
export const legIdSchema = idOf<'LegId'>();
export const windowIdSchema = idOf<'WindowId'>();
export const scenarioIdSchema = idOf<'ScenarioId'>();

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A UTC instant, normalised to `YYYY-MM-DDTHH:mm:ss.SSSZ`. */
export const instantSchema = z
  .string({ error: 'must be a UTC date-time' })
  .regex(ISO_INSTANT, 'must be a UTC date-time such as 2025-09-19T12:00:00Z')
  .refine((s) => isNormalInstant(s) || DateTime.fromISO(s, { zone: 'utc' }).isValid, 'is not a real date-time')
  .transform((s) =>
    isNormalInstant(s) ? s : DateTime.fromISO(s, { zone: 'utc' }).toISO({ suppressMilliseconds: false })!,
  );

/** Already `YYYY-MM-DDTHH:mm:ss.SSSZ` and a real instant (the fast path: imports check thousands). */
function isNormalInstant(s: string): boolean {
  const ms = Date.parse(s);
  return s.length === 24 && Number.isFinite(ms) && new Date(ms).toISOString() === s;
}

/** A calendar date `YYYY-MM-DD`. */
export const localDateSchema = z
  .string({ error: 'must be a date' })
  .regex(ISO_DATE, 'must be a date such as 2025-10-31')
  .refine((s) => DateTime.fromISO(s, { zone: 'utc' }).isValid, 'is not a real date');

export const timeZoneSchema = z
  .string({ error: 'is required (an IANA time zone such as Asia/Seoul)' })
  .min(1, 'is required (an IANA time zone such as Asia/Seoul)')
  .refine(isValidZone, { error: (issue) => `"${String(issue.input)}" is not a known IANA time zone` });

/**
 * Control characters (other than tab and newline) and bidirectional embedding, override and
 * isolate controls (U+202A–U+202E, U+2066–U+2069), which can make text display in another order
 * than it reads. Marks U+200E/U+200F are kept.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const UNSAFE_TEXT_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Text as it may be stored: without control characters and bidi overrides. */
export function cleanText(s: string): string {
  return s.replace(UNSAFE_TEXT_CHARS, '');
}

/** Free text: bounded, and stripped of control characters and bidi overrides (see cleanText). */
const text = (max: number) =>
  z.string({ error: 'must be text' }).max(max, `is too long (${max} characters at most)`).transform(cleanText);

const title = text(300).pipe(z.string().trim().min(1, 'is required'));

export const SAFE_URL_PROTOCOLS = ['http:', 'https:', 'mailto:'] as const;

/** True for URLs a link may point at: http, https and mailto only. */
export function isSafeUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (SAFE_URL_PROTOCOLS as readonly string[]).includes(parsed.protocol);
  } catch {
    return false;
  }
}

export const sourceSchema = z.object({
  title: title,
  url: z
    .string({ error: 'must be a web address' })
    .max(2000, 'is too long')
    .refine(isSafeUrl, 'must be an http, https or mailto address')
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

export const EVENT_KINDS = ['summit', 'talks', 'call', 'meeting', 'ceremony', 'visit-day', 'holiday', 'note'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const PLACE_KINDS = ['city', 'airport', 'rail-station', 'venue'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export const LEG_MODES = ['flight', 'rail', 'road', 'sea'] as const;
export type LegMode = (typeof LEG_MODES)[number];

export const WINDOW_KINDS = ['window', 'blackout'] as const;
export type WindowKind = (typeof WINDOW_KINDS)[number];

const topics = z.array(text(80).pipe(z.string().trim().min(1, 'may not be empty'))).max(50, 'has too many entries');
const sources = z.array(sourceSchema).max(50, 'has too many entries');
const notes = text(20_000).optional();
const updatedAt = instantSchema.optional();
/** Revision: 1 when first stored, +1 on every write (set by the repositories; stale edits are refused by it). */
const rev = z
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'may not be negative')
  .optional();

export const placeSchema = z.object({
  id: placeIdSchema,
  name: title,
  country: text(80),
  lat: z
    .number({ error: 'must be a number' })
    .min(-90, 'must be between -90 and 90')
    .max(90, 'must be between -90 and 90'),
  lon: z
    .number({ error: 'must be a number' })
    .min(-180, 'must be between -180 and 180')
    .max(180, 'must be between -180 and 180'),
  timeZone: timeZoneSchema,
  kind: z.enum(PLACE_KINDS, { error: `must be one of ${PLACE_KINDS.join(', ')}` }),
  codes: z.object({ iata: text(8).optional(), station: text(16).optional() }).optional(),
  /** The city a venue, airport or station belongs to. */
  cityId: placeIdSchema.optional(),
  updatedAt,
  rev,
});
export type Place = z.infer<typeof placeSchema>;

export const participantSchema = z.object({
  id: participantIdSchema,
  name: title,
  role: text(200),
  country: text(80),
  /** CSS colour, e.g. #b22234. */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour such as #1f6feb'),
  /** Home time zone: where calls reach them. */
  timeZone: timeZoneSchema.optional(),
  updatedAt,
  rev,
});
export type Participant = z.infer<typeof participantSchema>;

const windowTie = {
  /** The window this item is planned against ("around APEC"). */
  windowId: windowIdSchema.optional(),
  /** Days outside the window still accepted. */
  windowMarginDays: z.number().int('must be whole days').min(0, 'may not be negative').max(365).optional(),
};

const eventBase = z.object({
  id: eventIdSchema,
  title,
  kind: z.enum(EVENT_KINDS, { error: `must be one of ${EVENT_KINDS.join(', ')}` }),
  status: statusSchema,
  allDay: z.boolean({ error: 'must be true or false' }),
  startsAt: instantSchema,
  endsAt: instantSchema,
  /** All-day items only: first and last local day (inclusive). */
  startDate: localDateSchema.optional(),
  endDate: localDateSchema.optional(),
  timeZone: timeZoneSchema,
  placeId: placeIdSchema.optional(),
  participantIds: z.array(participantIdSchema).max(200, 'has too many entries'),
  visitId: visitIdSchema.optional(),
  optional: z.boolean({ error: 'must be true or false' }),
  notes,
  sources,
  topics,
  ...windowTie,
  updatedAt,
  rev,
});

export const planEventSchema = eventBase.superRefine((e, ctx) => {
  if (e.allDay) {
    if (!e.startDate) ctx.addIssue({ code: 'custom', path: ['startDate'], message: 'is required for an all-day item' });
    if (!e.endDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'is required for an all-day item' });
    if (e.startDate && e.endDate && e.endDate < e.startDate)
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'must be on or after the start date' });
  }
  if (e.endsAt <= e.startsAt) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after the start' });
});
export type PlanEvent = z.infer<typeof planEventSchema>;

export const visitSchema = z.object({
  id: visitIdSchema,
  title,
  /** The guest: who travels. */
  guestId: participantIdSchema,
  hostCountry: text(80),
  participantIds: z.array(participantIdSchema).max(200, 'has too many entries'),
  status: statusSchema,
  notes,
  sources,
  topics,
  ...windowTie,
  updatedAt,
  rev,
});
export type Visit = z.infer<typeof visitSchema>;

export const legSchema = z
  .object({
    id: legIdSchema,
    visitId: visitIdSchema.optional(),
    fromPlaceId: placeIdSchema,
    toPlaceId: placeIdSchema,
    mode: z.enum(LEG_MODES, { error: `must be one of ${LEG_MODES.join(', ')}` }),
    departsAt: instantSchema,
    arrivesAt: instantSchema,
    carrier: text(120).optional(),
    /** Flight or train number. */
    number: text(40).optional(),
    participantIds: z.array(participantIdSchema).max(200, 'has too many entries'),
    status: statusSchema,
    optional: z.boolean({ error: 'must be true or false' }),
    notes,
    sources,
    updatedAt,
    rev,
  })
  .superRefine((l, ctx) => {
    if (l.arrivesAt <= l.departsAt)
      ctx.addIssue({ code: 'custom', path: ['arrivesAt'], message: 'must be after the departure' });
    if (l.fromPlaceId === l.toPlaceId)
      ctx.addIssue({ code: 'custom', path: ['toPlaceId'], message: 'must differ from the departure place' });
  });
export type Leg = z.infer<typeof legSchema>;

export const planWindowSchema = z
  .object({
    id: windowIdSchema,
    title,
    kind: z.enum(WINDOW_KINDS, { error: `must be one of ${WINDOW_KINDS.join(', ')}` }),
    startDate: localDateSchema,
    endDate: localDateSchema,
    timeZone: timeZoneSchema,
    startsAt: instantSchema,
    endsAt: instantSchema,
    placeId: placeIdSchema.optional(),
    /** Who a blackout applies to; empty means everyone. */
    participantIds: z.array(participantIdSchema).max(200, 'has too many entries'),
    status: statusSchema,
    notes,
    sources,
    updatedAt,
    rev,
  })
  .superRefine((w, ctx) => {
    if (w.endDate < w.startDate)
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'must be on or after the start date' });
  });
export type PlanWindow = z.infer<typeof planWindowSchema>;

export const scenarioSchema = z.object({
  id: scenarioIdSchema,
  name: title,
  /** Optional items (events or legs) this scenario takes in. */
  includeOptionalIds: z.array(z.string().min(1)).max(10_000),
  /** Alternative dates for chosen items. */
  overrides: z
    .array(z.object({ itemId: z.string().min(1), startsAt: instantSchema, endsAt: instantSchema }))
    .max(10_000),
  notes,
  updatedAt,
  rev,
});
export type Scenario = z.infer<typeof scenarioSchema>;

/** Everything a plan holds, as plain arrays. */
export interface Plan {
  places: Place[];
  participants: Participant[];
  events: PlanEvent[];
  visits: Visit[];
  legs: Leg[];
  windows: PlanWindow[];
  scenarios: Scenario[];
}

export const EMPTY_PLAN: Plan = {
  places: [],
  participants: [],
  events: [],
  visits: [],
  legs: [],
  windows: [],
  scenarios: [],
};

/** A reference to one item of the plan, as conflicts, searches and views name it. */
export type ItemType = 'event' | 'leg' | 'window' | 'visit';

export interface ItemRef {
  type: ItemType;
  id: string;
  title: string;
}
