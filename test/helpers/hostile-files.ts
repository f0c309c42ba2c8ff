/**
 * Files with hostile text in every field (issue 19 item 10): a backup of the sample plan with
 * hostile text in every text field of every record, the plan's name and an accepted conflict's
 * note, and a calendar (.ics) whose every text property carries it too. The text holds markup and
 * script, `javascript:` URLs, bidi overrides and isolates, C0/C1 controls, bare CRs, line and
 * paragraph separators, invisibles, lone surrogates, right-to-left words, spreadsheet formulas,
 * words the calendar format gives meaning to, and runs long enough to reach each field's limit.
 */
/* eslint-disable no-control-regex -- matching control characters is the point */
import { buildBackup, encodeBackup } from '../../src/domain/files';
import { TABLE_NAMES, type Plan } from '../../src/domain/model';
import { buildSamplePlan } from '../../src/domain/sample';

/**
 * Every raw character the cleaner removes or rewrites (controls but \n, bidi controls and marks,
 * invisibles, line and paragraph separators) and every lone surrogate; none may reach the page or
 * a file. ZERO WIDTH NON-JOINER and JOINER are kept on purpose (see src/domain/model/records/clean.ts).
 */
export const RAW_CHARACTERS =
  /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u180E\u200B\u200E\u200F\u2028-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Markup that would run if it were ever HTML or a link: each sets `window.__pwned` or opens a dialog. */
const MARKUP = [
  '<img src=x onerror="window.__pwned=1;alert(1)">',
  '<script>window.__pwned=2</script>',
  '<svg onload=alert(3)>',
  '<a href="javascript:window.__pwned=4">x</a>',
  '"><iframe srcdoc="<script>parent.__pwned=5</script>">',
  'javascript:window.__pwned=6//',
];
/** Characters and words for files, screens and spreadsheets. */
const AWKWARD =
  '\u202Eevil\u202C \u2066iso\u2069 \r bare\u0000nul\u0007\u001b[31m\u0085nel\u2028ls\u2029ps\u200Bzw\u200E\u200F\u061C\uFEFF\u007F\u009F\u206A\t' +
  "lone\uD800high\uDC00low 👍🏽 👩\u200D💻 مرحبا שלום ;,\\n\"END:VCALENDAR =cmd|' /C calc'!A0";

/** A spreadsheet formula some fields start with (participants' and places' names, the accepted note). */
const FORMULA = "=cmd|' /C calc'!A0 ";

/**
 * Hostile text number `n` of at most `max` characters, padded to `max` with one long word: it
 * starts with `H<n> ` (or, with `formula`, a spreadsheet formula and then `H<n> `).
 */
export function hostile(n: number, max: number, formula = false): string {
  const text = `${formula ? FORMULA : ''}H${n} ${MARKUP[n % MARKUP.length]} ${AWKWARD} `;
  return (text + 'W'.repeat(Math.max(0, max - text.length))).slice(0, max);
}

/** The longest each text field may be, by key (the record validators' limits); others 300. */
const MAX: Record<string, number> = { number: 40, country: 80, hostCountry: 80, carrier: 120, role: 200 };
const TEXT_KEYS = new Set(['title', 'name', 'notes', 'role', 'country', 'hostCountry', 'carrier', 'number']);

function poison(record: Record<string, unknown>, counter: { n: number }): Record<string, unknown> {
  const out: Record<string, unknown> = { ...record };
  for (const [key, value] of Object.entries(record)) {
    if (TEXT_KEYS.has(key) && typeof value === 'string')
      out[key] = hostile(counter.n++, MAX[key] ?? 300, key === 'name' && (MAX[key] ?? 300) > 100);
    else if (key === 'topics' && Array.isArray(value)) out[key] = [hostile(counter.n++, 80), ...value];
    else if (key === 'sources' && Array.isArray(value))
      out[key] = value.map((s: Record<string, unknown>) => ({ ...s, title: hostile(counter.n++, 300) }));
  }
  if (['events', 'legs', 'visits'].includes(String(record.__table)) && !('notes' in out))
    out.notes = hostile(counter.n++, 300);
  delete out.__table;
  return out;
}

/** The accepted conflict the backup carries (it is found in the sample plan). */
export const ACCEPTED_CONFLICT = 'overlap:event:busan-summit-2025|window:apec-2025-week';

/** The hostile backup's text, the plan name it carries, and the title the Busan summit gets. */
export function hostileBackup(): { text: string; planName: string; busanTitle: string } {
  const sample = buildSamplePlan();
  const counter = { n: 0 };
  const plan = { ...sample } as Plan;
  for (const table of TABLE_NAMES) {
    const records = (sample[table] ?? []) as unknown as Record<string, unknown>[];
    (plan as unknown as Record<string, unknown>)[table] = records.map((r) => poison({ ...r, __table: table }, counter));
  }
  const planName = hostile(counter.n++, 300);
  const doc = buildBackup({
    plan,
    planName,
    appVersion: 'hostile',
    exportedAt: '2026-12-01T00:00:00.000Z',
    canonical: false,
    acceptances: [
      {
        id: ACCEPTED_CONFLICT,
        note: hostile(counter.n++, 1000, true),
        acceptedAt: '2026-12-01T00:00:00.000Z',
        itemsFingerprint: 'x',
      },
    ],
  });
  const busanTitle = plan.events.find((e) => e.id === 'busan-summit-2025')!.title;
  return { text: encodeBackup(doc), planName, busanTitle };
}

/** iCalendar TEXT escaping (RFC 5545 3.3.11); raw controls inside are left in, as a hostile file would. */
const icsText = (s: string) =>
  s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r?\n|\r/g, '\\n');

/** Hostile ICS numbers start here, clear of the backup's. */
export const ICS_FIRST = 900;

/**
 * A calendar whose name and every event's SUMMARY, DESCRIPTION, LOCATION and CATEGORIES carry
 * hostile text, with a `javascript:` URL; three events on 29–31 October 2025 and one whose zone is
 * unknown (so the import names it).
 */
export function hostileIcs(): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${icsText(hostile(ICS_FIRST - 1, 120))}`];
  lines.push(`X-WR-CALNAME:${icsText(hostile(ICS_FIRST - 2, 300))}`);
  const day = ['20251029', '20251030', '20251031', '20251101'];
  for (let i = 0; i < 4; i++) {
    const n = ICS_FIRST + i * 10;
    lines.push(
      'BEGIN:VEVENT',
      `UID:hostile-${i}@example.org`,
      'DTSTAMP:20251001T000000Z',
      i === 3 ? `DTSTART;TZID=${icsText(hostile(n + 4, 60))}:${day[i]}T100000` : `DTSTART:${day[i]}T010000Z`,
      i === 3 ? `DTEND;TZID=${icsText(hostile(n + 4, 60))}:${day[i]}T110000` : `DTEND:${day[i]}T020000Z`,
      `SUMMARY:${icsText(hostile(n, 300))}`,
      `DESCRIPTION:${icsText(hostile(n + 1, 2000))}`,
      `LOCATION:${icsText(hostile(n + 2, 300))}`,
      `CATEGORIES:${icsText(hostile(n + 3, 80))},meeting`,
      'URL:javascript:window.__pwned=7',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  // Content lines folded at 75 octets would be kinder; long unfolded lines are part of the test.
  return lines.join('\r\n') + '\r\n';
}
