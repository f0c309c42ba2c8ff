/**
 * The one entry for everything loaded: JSON backups (every format version), calendar files,
 * and the automatic backups kept in the database all pass through here before anything is
 * written. It validates, normalises and migrates; it never writes and never throws.
 *
 * A backup is all or nothing: one bad record refuses the whole file, with a message naming the
 * record and the field. A calendar file is read event by event: an event that cannot be read is
 * reported (which, and why) and left out, and the user decides whether to import the rest.
 * Text is kept as text: HTML or script in a title stays inert characters, shown as written.
 */
import { z } from 'zod';
import { TABLE_NAMES, validateEntity, validateRecord, type TableName } from '../model';
import { EMPTY_PLAN, cleanDeep, cleanPlanName, cleanText, instantSchema, type Plan } from '../model';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  TABLE_LABELS,
  withoutRev,
  type Acceptance,
  type BackupScope,
} from './backup';
import { ENVELOPE_FORMAT } from './envelope';
import { readCalendar, type CalendarReadOptions, type SkippedItem } from './ics-read';

export type { SkippedItem } from './ics-read';

/** Bounds on what is read: larger files are refused with a message before any parsing. */
export const IMPORT_LIMITS = {
  /** Largest file, in bytes (checked on the text's length, which never exceeds its UTF-8 size). */
  maxFileBytes: 25 * 1024 * 1024,
  /** Most records (all tables together) in one file. */
  maxRecords: 50_000,
  /** Deepest nesting of JSON objects and arrays. */
  maxDepth: 32,
  /** Most problems listed in one message. */
  maxErrors: 20,
} as const;

export type FileKind = 'backup' | 'encrypted' | 'calendar' | 'unknown';

export interface Restored {
  source: 'backup' | 'calendar';
  /** Backups: the version the file was written in (upgraded to the current one if older). */
  formatVersion?: number;
  appVersion?: string;
  exportedAt?: string;
  planName?: string;
  scope?: BackupScope;
  plan: Plan;
  acceptances: Acceptance[];
  /** Calendar files: for each record, the fields the file defines (on an existing item only these change). */
  fields?: Partial<Record<TableName, ReadonlyMap<string, readonly string[]>>>;
  /** Calendar files: events that could not be read and are left out. */
  skipped: SkippedItem[];
  /** Things the user should know (floating times read in a zone, repeats cut off, an upgrade…). */
  notes: string[];
  recordCount: number;
}

export type RestoreResult = { ok: true; restored: Restored } | { ok: false; errors: string[] };

/** What a file is, from its first characters (a BOM and leading space are ignored). */
export function detectFileKind(text: string): FileKind {
  const head = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 2000);
  if (/^BEGIN:VCALENDAR/i.test(head)) return 'calendar';
  if (head.startsWith('{')) {
    if (new RegExp(`"format"\\s*:\\s*"${ENVELOPE_FORMAT}"`).test(head)) return 'encrypted';
    return 'backup';
  }
  return 'unknown';
}

const tooLarge = (length: number) =>
  `The file is too large (${(length / 1024 / 1024).toFixed(1)} MB); the limit is ${IMPORT_LIMITS.maxFileBytes / 1024 / 1024} MB.`;

/** Read a file of any kind this app writes or accepts. An encrypted backup must be decrypted first. */
export function restoreFile(text: string, calendar: CalendarReadOptions): RestoreResult {
  switch (detectFileKind(text)) {
    case 'calendar':
      return restoreCalendar(text, calendar);
    case 'backup':
      return restoreBackup(text);
    case 'encrypted':
      return { ok: false, errors: ['This is an encrypted backup: it needs its passphrase.'] };
    default:
      return { ok: false, errors: ['This is neither a Summitry backup (.json) nor a calendar file (.ics).'] };
  }
}

// ---------------------------------------------------------------------------------------------
// Backups

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

type Path = (string | number)[];

function recordRef(table: TableName, index: number, record: unknown): string {
  const ref = `${table} #${index + 1}`;
  if (record && typeof record === 'object' && !Array.isArray(record)) {
    const r = record as Record<string, unknown>;
    const name = typeof r.title === 'string' ? r.title : typeof r.name === 'string' ? r.name : undefined;
    if (name) return `${TABLE_LABELS[table]} "${name.slice(0, 60)}" (${ref})`;
    if (typeof r.id === 'string') return `${TABLE_LABELS[table]} ${r.id.slice(0, 60)} (${ref})`;
  }
  return `${TABLE_LABELS[table]} (${ref})`;
}

function where(doc: unknown, path: Path): string {
  if (
    path[0] === 'tables' &&
    typeof path[1] === 'string' &&
    typeof path[2] === 'number' &&
    (TABLE_NAMES as readonly string[]).includes(path[1])
  ) {
    const table = path[1] as TableName;
    const record = ((doc as { tables: Record<string, unknown[]> }).tables[table] ?? [])[path[2]];
    const field = path.slice(3);
    return `${recordRef(table, path[2], record)}${field.length ? `, field ${field.join('.')}` : ''}`;
  }
  return path.length ? `field ${path.join('.')}` : 'the file';
}

/** Refuse prototype-polluting keys and absurd nesting anywhere in the document. */
function scanStructure(doc: unknown): string[] {
  const errors: string[] = [];
  const stack: { value: unknown; path: Path }[] = [{ value: doc, path: [] }];
  while (stack.length > 0 && errors.length < IMPORT_LIMITS.maxErrors) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (path.length > IMPORT_LIMITS.maxDepth) {
      errors.push(`${where(doc, path)}: nested more than ${IMPORT_LIMITS.maxDepth} levels deep.`);
      continue;
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) {
        errors.push(`${where(doc, path)}: the key "${key}" is not allowed.`);
        continue;
      }
      stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return errors;
}

type Migration = (doc: Record<string, unknown>, notes: string[]) => Record<string, unknown>;

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * Upgrades from each older format version to the next. Each takes a document of version n
 * (structure already scanned, not yet validated) and returns one of version n + 1.
 */
const MIGRATIONS: Record<number, Migration> = {
  /**
   * Format 1 → 2 (2026-12): format 1 is what the Storage panel's "Download a backup" wrote until
   * it wrote format 2 (src/db/backup.ts): the tables under `plan` (null if the plan could not be
   * read), no appVersion, scope or acceptances, and `unsaved` records kept when a save failed,
   * which format 2 keeps in the same shape. Without a plan the file holds only some records.
   */
  1: (doc) => {
    const plan = isObject(doc.plan) ? doc.plan : undefined;
    const tables: Record<string, unknown> = {};
    for (const name of TABLE_NAMES) if (plan && plan[name] !== undefined) tables[name] = plan[name];
    return {
      format: doc.format,
      formatVersion: 2,
      appVersion: `unknown (format 1${typeof doc.schemaVersion === 'number' ? `, database version ${doc.schemaVersion}` : ''})`,
      exportedAt: doc.exportedAt,
      planName: cleanPlanName(doc.planName),
      scope: plan ? { kind: 'plan' } : { kind: 'partial' },
      acceptances: [],
      tables,
      ...(doc.unsaved !== undefined ? { unsaved: doc.unsaved } : {}),
    };
  },
};

/**
 * Lay the edits a failed save left in a backup (`unsaved`) over the file's records: each one
 * replaces the record with its id, or is added. An edit counts as made when the backup was, so
 * its `updatedAt` is at least `exportedAt` and a merge takes it over the copy it was edited
 * from. An entry that is not a valid record of a known table is left out with a note: the rest
 * of the backup stays importable.
 */
function layUnsaved(plan: Record<TableName, unknown[]>, unsaved: unknown, exportedAt: string, notes: string[]): void {
  if (unsaved === undefined) return;
  if (!Array.isArray(unsaved)) {
    notes.push("The backup's list of unsaved edits could not be read; it was left out.");
    return;
  }
  const laid: string[] = [];
  const leftOut: string[] = [];
  const positions = new Map<TableName, Map<string, number>>();
  unsaved.forEach((entry, index) => {
    const ref = `Unsaved edit #${index + 1}`;
    if (
      !isObject(entry) ||
      typeof entry.table !== 'string' ||
      !(TABLE_NAMES as readonly string[]).includes(entry.table) ||
      !isObject(entry.record)
    ) {
      leftOut.push(`${ref} is not a record of a known table`);
      return;
    }
    const table = entry.table as TableName;
    const checked = validateEntity(table, entry.record);
    const label = recordRef(table, index, entry.record).replace(/ \(\w+ #\d+\)$/, '');
    if (!checked.ok) {
      leftOut.push(`${ref} (${label}): ${checked.error.issues.join('; ')}`);
      return;
    }
    const record = withoutRev(checked.value) as { id: string; updatedAt?: string };
    const edited = !record.updatedAt || record.updatedAt < exportedAt ? { ...record, updatedAt: exportedAt } : record;
    const list = plan[table];
    const ids = positions.get(table) ?? new Map(list.map((r, i) => [(r as { id: string }).id, i]));
    positions.set(table, ids);
    const at = ids.get(edited.id);
    if (at !== undefined) list[at] = edited;
    else ids.set(edited.id, list.push(edited) - 1);
    laid.push(label);
  });
  const listed = (items: string[]) =>
    items.length > 5 ? `${items.slice(0, 5).join(', ')} and ${items.length - 5} more` : items.join(', ');
  if (laid.length)
    notes.push(
      `The backup carried ${laid.length} edit${laid.length === 1 ? '' : 's'} that could not be saved when it was made; ${laid.length === 1 ? 'it is' : 'they are'} included: ${listed(laid)}.`,
    );
  if (leftOut.length)
    notes.push(
      `${leftOut.length === 1 ? 'One unsaved edit could not be read and was' : `${leftOut.length} unsaved edits could not be read and were`} left out: ${listed(leftOut)}.`,
    );
}

const headerText = (max: number) =>
  z.string({ error: 'must be text' }).max(max, `is too long (${max} characters at most)`);

const headerSchema = z.object({
  appVersion: headerText(60),
  exportedAt: instantSchema,
  planName: headerText(300),
  scope: z.discriminatedUnion(
    'kind',
    [
      z.object({ kind: z.literal('plan') }),
      z.object({ kind: z.literal('visit'), visitId: headerText(120).min(1) }),
      z.object({ kind: z.literal('partial') }),
    ],
    { error: 'must be {"kind":"plan"}, {"kind":"partial"} or {"kind":"visit","visitId":…}' },
  ),
  acceptances: z.array(z.unknown(), { error: 'must be a list' }),
  tables: z.record(z.string(), z.unknown(), { error: 'must be an object of tables' }),
});

const fail = (errors: string[]): RestoreResult => ({ ok: false, errors });

function capped(errors: string[]): string[] {
  if (errors.length <= IMPORT_LIMITS.maxErrors) return errors;
  return [
    ...errors.slice(0, IMPORT_LIMITS.maxErrors),
    `…and ${errors.length - IMPORT_LIMITS.maxErrors} more problems.`,
  ];
}

/**
 * Validate, normalise and migrate a JSON backup (text, or an already parsed value). Older
 * format versions are upgraded; newer ones are refused. Every record is checked with its table's
 * validator; any problem refuses the whole file, each message naming the record and field.
 */
function readBackup(input: string | unknown): RestoreResult {
  let doc: unknown = input;
  if (typeof input === 'string') {
    if (input.length > IMPORT_LIMITS.maxFileBytes) return fail([tooLarge(input.length)]);
    const text = input.replace(/^\uFEFF/, '');
    if (text.trim() === '') return fail(['The file is empty.']);
    try {
      doc = JSON.parse(text);
    } catch (err) {
      return fail([`The file is not valid JSON (${err instanceof Error ? err.message : String(err)}).`]);
    }
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc))
    return fail(['The file is not a Summitry backup: it is not a JSON object.']);
  const structural = scanStructure(doc);
  if (structural.length) return fail(capped(structural));

  let d = doc as Record<string, unknown>;
  if (d.format === ENVELOPE_FORMAT) return fail(['This is an encrypted backup: it needs its passphrase.']);
  if (d.format !== BACKUP_FORMAT)
    return fail([
      `The file is not a Summitry backup: its "format" is ${JSON.stringify(d.format ?? null)?.slice(0, 60)}, not "${BACKUP_FORMAT}".`,
    ]);
  const version = d.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return fail([
      `The backup's formatVersion ${JSON.stringify(version ?? null)?.slice(0, 20)} is not a version number.`,
    ]);
  if (version > BACKUP_FORMAT_VERSION)
    return fail([
      `This backup was written in format version ${version} by a newer Summitry${typeof d.appVersion === 'string' ? ` (${d.appVersion.slice(0, 40)})` : ''}; this app reads versions up to ${BACKUP_FORMAT_VERSION}. Update Summitry to import it.`,
    ]);
  const notes: string[] = [];
  for (let v = version; v < BACKUP_FORMAT_VERSION; v++) d = MIGRATIONS[v]!(d, notes);

  const header = headerSchema.safeParse(d);
  if (!header.success) {
    return fail(
      capped(
        header.error.issues.map((i) => {
          const message = i.code === 'invalid_type' && i.input === undefined ? 'is required' : i.message;
          return `The backup's ${i.path.map(String).join('.') || 'header'} ${message}.`;
        }),
      ),
    );
  }
  const tables = header.data.tables;
  const errors: string[] = [];
  for (const name of Object.keys(tables)) {
    if (!(TABLE_NAMES as readonly string[]).includes(name))
      notes.push(`The file has a table "${name.slice(0, 40)}" this version does not know; it was left out.`);
  }
  let total = header.data.acceptances.length + (Array.isArray(d.unsaved) ? d.unsaved.length : 0);
  for (const name of TABLE_NAMES) {
    const list = tables[name];
    if (list === undefined) continue;
    if (!Array.isArray(list)) errors.push(`The backup's tables.${name} must be a list.`);
    else total += list.length;
  }
  if (errors.length) return fail(errors);
  if (total > IMPORT_LIMITS.maxRecords)
    return fail([
      `The file holds ${total.toLocaleString('en')} records; at most ${IMPORT_LIMITS.maxRecords.toLocaleString('en')} can be imported at once.`,
    ]);

  const plan = { ...EMPTY_PLAN } as Record<TableName, unknown[]>;
  for (const name of TABLE_NAMES) {
    const list = (tables[name] as unknown[] | undefined) ?? [];
    const out: unknown[] = [];
    const seen = new Map<string, number>();
    list.forEach((raw, index) => {
      if (errors.length > IMPORT_LIMITS.maxErrors) return;
      const checked = validateEntity(name, raw);
      if (!checked.ok) {
        errors.push(`${recordRef(name, index, raw)}: ${checked.error.issues.join('; ')}.`);
        return;
      }
      const id = checked.value.id as string;
      const earlier = seen.get(id);
      if (earlier !== undefined)
        errors.push(`${recordRef(name, index, raw)}: the id "${id}" is already used by ${name} #${earlier + 1}.`);
      seen.set(id, index);
      out.push(withoutRev(checked.value));
    });
    plan[name] = out;
  }
  const acceptances: Acceptance[] = [];
  header.data.acceptances.forEach((raw, index) => {
    const checked = validateRecord('acceptances', raw);
    if (checked.ok) acceptances.push(withoutRev(checked.value));
    else errors.push(`Accepted conflict #${index + 1}: ${checked.error.issues.join('; ')}.`);
  });
  if (errors.length) return fail(capped(errors));
  layUnsaved(plan, d.unsaved, header.data.exportedAt, notes);
  if (header.data.scope.kind === 'partial')
    notes.push(
      'The backup holds only some records (the plan could not be read when it was made): it can be merged, not used to replace the plan.',
    );
  if (version < BACKUP_FORMAT_VERSION)
    notes.push(
      `The backup was written in format version ${version}; it was upgraded to version ${BACKUP_FORMAT_VERSION}.`,
    );
  return {
    ok: true,
    restored: {
      source: 'backup',
      formatVersion: version,
      appVersion: cleanText(header.data.appVersion),
      exportedAt: header.data.exportedAt,
      planName: cleanPlanName(header.data.planName),
      scope: header.data.scope,
      plan: plan as unknown as Plan,
      acceptances,
      skipped: [],
      notes,
      recordCount: TABLE_NAMES.reduce((n, t) => n + plan[t].length, acceptances.length),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Calendar files

/**
 * Read an iCalendar file into validated records. Events that cannot be read, or whose record
 * does not validate, are listed in `skipped` with the reason; the rest are returned.
 */
function readCalendarFile(text: string, options: CalendarReadOptions): RestoreResult {
  if (text.length > IMPORT_LIMITS.maxFileBytes) return fail([tooLarge(text.length)]);
  const read = readCalendar(text, { maxItems: IMPORT_LIMITS.maxRecords, ...options });
  if (!read.ok) return fail([read.error]);
  const plan = {
    events: [],
    legs: [],
    windows: [],
    places: [],
    participants: [],
    visits: [],
    scenarios: [],
  } as unknown as Record<TableName, unknown[]>;
  const fields: Partial<Record<TableName, Map<string, readonly string[]>>> = {};
  const index: Partial<Record<TableName, Map<string, number>>> = {};
  const skipped = [...read.skipped];
  let duplicates = 0;
  for (const item of read.items) {
    const checked = validateEntity(item.table, item.record);
    if (!checked.ok) {
      skipped.push({ label: item.label, reason: checked.error.issues.join('; ') });
      continue;
    }
    const value = withoutRev(checked.value);
    const id = value.id as string;
    const positions = (index[item.table] ??= new Map());
    const at = positions.get(id);
    if (at !== undefined) {
      duplicates += 1;
      plan[item.table][at] = value;
    } else {
      positions.set(id, plan[item.table].length);
      plan[item.table].push(value);
    }
    if (item.fields) (fields[item.table] ??= new Map()).set(id, item.fields);
    else fields[item.table]?.delete(id);
  }
  const notes = [...read.notes];
  if (duplicates)
    notes.push(
      `${duplicates} event${duplicates === 1 ? '' : 's'} repeated the UID of another; the later one in the file was kept.`,
    );
  const recordCount = TABLE_NAMES.reduce((n, t) => n + plan[t].length, 0);
  return {
    ok: true,
    restored: {
      source: 'calendar',
      planName: read.calendarName === undefined ? undefined : cleanPlanName(read.calendarName, 'Calendar'),
      plan: plan as unknown as Plan,
      acceptances: [],
      fields,
      skipped,
      notes,
      recordCount,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// References

/**
 * What a file says goes through the text cleaner before it is shown: the records are cleaned by
 * their normalisers, and the messages, notes and left-out items quote the file, so they are too.
 */
function cleanMessages(result: RestoreResult): RestoreResult {
  if (!result.ok) return { ok: false, errors: result.errors.map(cleanText) };
  const r = result.restored;
  return {
    ok: true,
    restored: { ...r, notes: r.notes.map(cleanText), skipped: cleanDeep(r.skipped) as Restored['skipped'] },
  };
}

/** Read a Summitry backup (text or parsed JSON): validated, normalised and upgraded, nothing written. */
export function restoreBackup(input: string | unknown): RestoreResult {
  return cleanMessages(readBackup(input));
}

/** Read a calendar file (.ics): every event, leg and window it holds, validated and normalised. */
export function restoreCalendar(text: string, options: CalendarReadOptions): RestoreResult {
  return cleanMessages(readCalendarFile(text, options));
}

/**
 * References from the file's records to places, participants, visits and windows found neither
 * in the file nor among `known` ids (the plan it is imported into): one sentence per record.
 */
export function findDanglingReferences(plan: Plan, known: Partial<Record<TableName, Iterable<string>>> = {}): string[] {
  const ids = (t: TableName) => new Set<string>([...plan[t].map((r) => r.id as string), ...(known[t] ?? [])]);
  const places = ids('places');
  const people = ids('participants');
  const visits = ids('visits');
  const windows = ids('windows');
  const out: string[] = [];
  const check = (label: string, refs: [what: string, id: string | undefined, set: Set<string>][]) => {
    const missing = refs
      .filter(([, id, set]) => id !== undefined && !set.has(id))
      .map(([what, id]) => `${what} "${id}"`);
    if (missing.length)
      out.push(
        `${label} refers to ${missing.join(', ')}, which ${missing.length === 1 ? 'is' : 'are'} not in the file or the plan.`,
      );
  };
  const many = (what: string, list: readonly string[], set: Set<string>) =>
    list.map((id) => [what, id, set] as [string, string, Set<string>]);
  for (const e of plan.events)
    check(`Event "${e.title}"`, [
      ['place', e.placeId, places],
      ['visit', e.visitId, visits],
      ['window', e.windowId, windows],
      ...many('participant', e.participantIds, people),
    ]);
  for (const l of plan.legs)
    check(`Leg ${l.id}`, [
      ['place', l.fromPlaceId, places],
      ['place', l.toPlaceId, places],
      ['visit', l.visitId, visits],
      ...many('participant', l.participantIds, people),
    ]);
  for (const v of plan.visits)
    check(`Visit "${v.title}"`, [
      ['participant', v.guestId, people],
      ['window', v.windowId, windows],
      ...many('participant', v.participantIds, people),
    ]);
  for (const w of plan.windows)
    check(`Window "${w.title}"`, [['place', w.placeId, places], ...many('participant', w.participantIds, people)]);
  for (const p of plan.places) check(`Place "${p.name}"`, [['city', p.cityId, places]]);
  return out;
}
