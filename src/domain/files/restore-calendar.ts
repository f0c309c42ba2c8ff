/**
 * Calendar files (.ics) into validated records: read by ics-read.ts, each record then checked
 * with its table's validator. Events that cannot be read are reported and left out.
 */
import { TABLE_NAMES, cleanPlanName, validateEntity, type Plan, type TableName } from '../model';
import { withoutRev } from './backup';
import { readCalendar, type CalendarReadOptions } from './ics-read';
import { cleanMessages, fail, IMPORT_LIMITS, tooLarge, type RestoreResult } from './restore-common';
import { runSteps, STEP_SIZE, type Steps } from './steps';

/**
 * Read an iCalendar file into validated records. Events that cannot be read, or whose record
 * does not validate, are listed in `skipped` with the reason; the rest are returned.
 */
export function restoreCalendar(text: string, options: CalendarReadOptions): RestoreResult {
  return runSteps(restoreCalendarSteps(text, options));
}

/** restoreCalendar, step by step: once the file is parsed, then every STEP_SIZE events checked. */
export function* restoreCalendarSteps(text: string, options: CalendarReadOptions): Steps<RestoreResult> {
  return cleanMessages(yield* readCalendarSteps(text, options));
}

function* readCalendarSteps(text: string, options: CalendarReadOptions): Steps<RestoreResult> {
  yield { phase: 'parsing', done: 0, total: 0 };
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
  let checkedCount = 0;
  const total = read.items.length;
  yield { phase: 'checking', done: 0, total };
  for (const item of read.items) {
    if (++checkedCount % STEP_SIZE === 0) yield { phase: 'checking', done: checkedCount, total };
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
