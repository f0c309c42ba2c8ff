/**
 * Issue 16, "Done when": the calendar export put on a real CalDAV server. The test starts
 * Debian's Radicale on 127.0.0.1 (a free port, no authentication, storage in a temporary
 * folder, no configuration file), makes one calendar per export (the sample plan and the New
 * York / Madrid / Beijing / Seoul plan of test/helpers/export-plans.ts, with times in each
 * place's zone and in UTC) and PUTs every exported event as its own resource (the event with the
 * VTIMEZONEs it uses): every PUT must be accepted. Then, for each event, CalDAV calendar-query
 * REPORTs with a one-second time-range pin it down: found in the first and the last second of
 * the event, not in the second before it nor the second after it, so the server places it at
 * exactly its instants (all-day items: on their dates, as UTC days, the server's reading of a
 * floating date). Radicale builds zones from the file's VTIMEZONEs (vobject), so this also checks
 * the VTIMEZONE blocks the export writes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCalendar } from '../../../src/domain/files';
import type { Plan } from '../../../src/domain/model/model';
import { loadVtimezones } from '../../../src/features/io/vtimezones';
import { buildDstPlan, buildSamplePlan, expectedEvents, type ExpectedEvent } from '../../helpers/export-plans';

const NOW = '2026-11-28T12:00:00.000Z';
const AUTH = `Basic ${Buffer.from('planner:planner').toString('base64')}`;
let server: ChildProcess | undefined;
let base = '';
let log = '';
const dir = mkdtempSync(join(tmpdir(), 'summitry-radicale-'));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Starts Radicale and resolves once it says it is listening (its own log line), never after a fixed time. */
async function startRadicale(): Promise<void> {
  const port = await freePort();
  const args = [
    '-m',
    'radicale',
    '--config', // no configuration file (Debian's asks for a login and a rights file)
    '--server-hosts',
    `127.0.0.1:${port}`,
    '--auth-type',
    'none',
    '--rights-type',
    'owner_only',
    '--storage-filesystem-folder',
    join(dir, 'collections'),
    '--logging-level',
    'info',
  ];
  const child = spawn('/usr/bin/python3', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  server = child;
  await new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      if (log.length < 200_000) log += chunk.toString();
      if (/Radicale server ready/.test(log)) resolve();
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`Radicale exited (${code}) before it was ready:\n${log}`)));
  });
  base = `http://127.0.0.1:${port}`;
}

beforeAll(startRadicale, 120_000);
afterAll(async () => {
  const child = server;
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

async function dav(method: string, path: string, body?: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { Authorization: AUTH, ...headers },
    ...(body !== undefined ? { body } : {}),
  });
  return { status: res.status, text: await res.text() };
}

/** The export split into one calendar resource per VEVENT, each with the VTIMEZONEs it names. */
function resources(text: string): { uid: string; body: string }[] {
  const lines = text.split('\r\n');
  const zones = new Map<string, string>();
  const events: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const kind = /^BEGIN:(VTIMEZONE|VEVENT)$/.exec(lines[i]!)?.[1];
    if (!kind) continue;
    const end = lines.indexOf(`END:${kind}`, i);
    const block = lines.slice(i, end + 1).join('\r\n');
    if (kind === 'VEVENT') events.push(block);
    else zones.set(/^TZID:(.*)$/m.exec(block)![1]!, block);
    i = end;
  }
  return events.map((ev) => {
    const unfolded = ev.replace(/\r\n[ \t]/g, '');
    const used = [...new Set([...unfolded.matchAll(/;TZID=([^:;]+)/g)].map((m) => m[1]!))];
    const body = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Summitry//Summitry test//EN',
      ...used.map((z) => zones.get(z)!),
      ev,
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    return { uid: /^UID:(.*)$/m.exec(unfolded)![1]!, body };
  });
}

const hrefName = (uid: string) => `${uid.replace(/[^A-Za-z0-9_.-]/g, '_')}.ics`;
const basic = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const instantMs = (e: ExpectedEvent, which: 'start' | 'end') =>
  Date.parse(e.allDay ? `${e[which]}T00:00:00.000Z` : e[which]);

/** The resource names a calendar-query with one time-range finds. */
async function findIn(calendar: string, from: number, to: number): Promise<Set<string>> {
  const query = `<?xml version="1.0" encoding="utf-8"?>
<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <D:prop><D:getetag/></D:prop>
  <C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT">
    <C:time-range start="${basic(from)}" end="${basic(to)}"/>
  </C:comp-filter></C:comp-filter></C:filter>
</C:calendar-query>`;
  const r = await dav('REPORT', calendar, query, { Depth: '1', 'Content-Type': 'application/xml; charset=utf-8' });
  expect(r.status, r.text).toBe(207);
  return new Set([...r.text.matchAll(/<(?:\w+:)?href>[^<]*\/([^/<]+)<\/(?:\w+:)?href>/g)].map((m) => m[1]!));
}

/** Runs `work` over `items`, `n` at a time. */
async function inBatches<T>(items: T[], n: number, work: (t: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += n) await Promise.all(items.slice(i, i + n).map(work));
}

describe('the calendar export on a CalDAV server (Radicale)', () => {
  it('accepts every exported event, and a time-range query finds each at its instants, in zones and in UTC', async () => {
    const vtimezone = await loadVtimezones();
    const plans: Record<string, Plan> = { sample: buildSamplePlan(), dst: buildDstPlan() };
    let accepted = 0;
    let put = 0;
    let found = 0;
    let checked = 0;
    const problems: string[] = [];
    for (const [name, plan] of Object.entries(plans))
      for (const timeFormat of ['local', 'utc'] as const) {
        const text = exportCalendar(
          plan,
          { kind: 'plan' },
          { now: NOW, appVersion: '0.1.0', calendarName: name, timeFormat, vtimezone },
        );
        if (timeFormat === 'local') expect(text).toMatch(/;TZID=[A-Za-z]+\/[A-Za-z_]+:/);
        const parts = resources(text);
        const want = new Map(expectedEvents(plan).map((w) => [w.uid, w]));
        expect(parts.map((p) => p.uid).sort()).toEqual([...want.keys()]);
        await inBatches(parts, 4, async (p) => {
          // One calendar per event: a calendar-query reads every resource of its calendar, so
          // pinning each event down costs four one-resource queries rather than four full scans.
          const calendar = `/planner/${name}-${timeFormat}-${hrefName(p.uid).replace(/\.ics$/, '')}/`;
          const made = await dav('MKCALENDAR', calendar);
          expect(made.status, made.text).toBe(201);
          put += 1;
          const r = await dav('PUT', `${calendar}${hrefName(p.uid)}`, p.body, {
            'Content-Type': 'text/calendar; charset=utf-8',
          });
          if (r.status === 201 || r.status === 204) accepted += 1;
          else {
            problems.push(`${name}-${timeFormat}: PUT ${p.uid} refused (${r.status}): ${r.text.slice(0, 200)}`);
            return;
          }
          const w = want.get(p.uid)!;
          const s = instantMs(w, 'start');
          const e = instantMs(w, 'end');
          const href = hrefName(w.uid);
          const [first, last, before, after] = await Promise.all([
            findIn(calendar, s, s + 1000),
            findIn(calendar, e - 1000, e),
            findIn(calendar, s - 1000, s),
            findIn(calendar, e, e + 1000),
          ]);
          checked += 1;
          if (first.has(href) && last.has(href) && !before.has(href) && !after.has(href)) found += 1;
          else
            problems.push(
              `${name}-${timeFormat}: ${w.title} (${w.start} → ${w.end}): first second ${first.has(href)}, last ${last.has(href)}, second before ${before.has(href)}, second after ${after.has(href)}`,
            );
        });
      }
    console.log(`Radicale: ${accepted} of ${put} PUTs accepted; ${found} of ${checked} events found at their instants`);
    for (const p of problems) console.log(`  ${p}`);
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  }, 600_000);
});
