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
import { EMPTY_PLAN, cleanPlanName, cleanText, instantSchema, type Plan } from '../model';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, TABLE_LABELS, withoutRev, type Acceptance } from './backup';
import { ENVELOPE_FORMAT } from './envelope';
import type { CalendarReadOptions } from './ics-read';
import { restoreCalendarSteps } from './restore-calendar';
import {
  capped,
  cleanMessages,
  fail,
  IMPORT_LIMITS,
  tooLarge,
  type FileKind,
  type RestoreResult,
} from './restore-common';
import { runSteps, STEP_SIZE, type Steps } from './steps';

export type { SkippedItem } from './ics-read';

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

/** Read a file of any kind this app writes or accepts. An encrypted backup must be decrypted first. */
export function restoreFile(text: string, calendar: CalendarReadOptions): RestoreResult {
  return runSteps(restoreFileSteps(text, calendar));
}

/** restoreFile, step by step (see steps.ts). */
export function* restoreFileSteps(text: string, calendar: CalendarReadOptions): Steps<RestoreResult> {
  switch (detectFileKind(text)) {
    case 'calendar':
      return yield* restoreCalendarSteps(text, calendar);
    case 'backup':
      return yield* restoreBackupSteps(text);
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

/** Check each record of each table with its validator, reporting progress every STEP_SIZE records. */
function* checkTables(
  tables: Record<string, unknown>,
  total: number,
  errors: string[],
): Steps<Record<TableName, unknown[]>> {
  const plan = { ...EMPTY_PLAN } as Record<TableName, unknown[]>;
  let checkedCount = 0;
  yield { phase: 'checking', done: 0, total };
  for (const name of TABLE_NAMES) {
    const list = (tables[name] as unknown[] | undefined) ?? [];
    const out: unknown[] = [];
    const seen = new Map<string, number>();
    for (let index = 0; index < list.length && errors.length <= IMPORT_LIMITS.maxErrors; index++) {
      if (++checkedCount % STEP_SIZE === 0) yield { phase: 'checking', done: checkedCount, total };
      const raw = list[index];
      const checked = validateEntity(name, raw);
      if (!checked.ok) {
        errors.push(`${recordRef(name, index, raw)}: ${checked.error.issues.join('; ')}.`);
        continue;
      }
      const id = checked.value.id as string;
      const earlier = seen.get(id);
      if (earlier !== undefined)
        errors.push(`${recordRef(name, index, raw)}: the id "${id}" is already used by ${name} #${earlier + 1}.`);
      seen.set(id, index);
      out.push(withoutRev(checked.value));
    }
    plan[name] = out;
  }
  return plan;
}

/**
 * Validate, normalise and migrate a JSON backup (text, or an already parsed value). Older
 * format versions are upgraded; newer ones are refused. Every record is checked with its table's
 * validator; any problem refuses the whole file, each message naming the record and field.
 */
export function restoreBackup(input: string | unknown): RestoreResult {
  return runSteps(restoreBackupSteps(input));
}

/** restoreBackup, step by step: progress while parsing, then every STEP_SIZE records checked. */
export function* restoreBackupSteps(input: string | unknown): Steps<RestoreResult> {
  return cleanMessages(yield* readBackupSteps(input));
}

function* readBackupSteps(input: string | unknown): Steps<RestoreResult> {
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
  yield { phase: 'parsing', done: 1, total: 2 };
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

  const plan = yield* checkTables(tables, total, errors);
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
