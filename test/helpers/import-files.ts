/** Large import files for the import benchmark and browser tests: a JSON backup, an .ics file. */
import { buildBackup, encodeBackup } from '../../src/domain/files';
import type { Plan, PlanEvent } from '../../src/domain/model';
import { buildSamplePlan } from '../../src/domain/sample';

const ZONES = ['Asia/Shanghai', 'Asia/Seoul', 'America/New_York', 'Europe/Madrid'];

/** `n` meeting events, 3 hours apart from 2026-01-01, at the sample plan's places and people. */
export function benchEvents(n: number, prefix = 'bench'): PlanEvent[] {
  return Array.from({ length: n }, (_, i) => {
    const start = Date.UTC(2026, 0, 1) + i * 3 * 3_600_000;
    return {
      id: `${prefix}-${String(i).padStart(5, '0')}`,
      title: `Working session ${i + 1}`,
      kind: 'meeting',
      status: (['proposed', 'tentative', 'confirmed'] as const)[i % 3],
      allDay: false,
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 90 * 60_000).toISOString(),
      timeZone: ZONES[i % ZONES.length]!,
      placeId: 'beijing',
      participantIds: ['trump', 'xi'],
      optional: false,
      notes: 'Generated for the import benchmark.',
      sources: [{ title: 'Benchmark', url: 'https://example.org/bench' }],
      topics: ['trade'],
      updatedAt: '2026-12-01T00:00:00.000Z',
    } as PlanEvent;
  });
}

/**
 * A whole-plan backup: the sample plan's places and participants and `n` events. `compact`
 * writes it without indentation (about 450 bytes a record, so 50,000 records stay under the
 * 25 MB import limit), as another tool might.
 */
export function benchBackup(n: number, options: { compact?: boolean } = {}): { text: string; records: number } {
  const sample = buildSamplePlan();
  const plan: Plan = { ...sample, events: benchEvents(n), legs: [], windows: [], visits: [], scenarios: [] };
  const doc = buildBackup({
    plan,
    planName: 'Benchmark plan',
    appVersion: 'bench',
    exportedAt: '2026-12-01T00:00:00.000Z',
  });
  const text = options.compact ? `${JSON.stringify(doc)}\n` : encodeBackup(doc);
  return { text, records: n + plan.places.length + plan.participants.length };
}

/** An .ics file of `n` single (non-repeating) events, as another calendar app writes them. */
export function benchCalendar(n: number): string {
  const stamp = (ms: number) =>
    new Date(ms)
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '');
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Bench//Summitry bench//EN', 'X-WR-CALNAME:Bench'];
  for (let i = 0; i < n; i++) {
    const start = Date.UTC(2026, 0, 1) + i * 3 * 3_600_000;
    lines.push(
      'BEGIN:VEVENT',
      `UID:bench-${i}@example.org`,
      `DTSTAMP:${stamp(Date.UTC(2026, 0, 1))}`,
      `DTSTART:${stamp(start)}`,
      `DTEND:${stamp(start + 90 * 60_000)}`,
      `SUMMARY:Working session ${i + 1}`,
      'LOCATION:Beijing',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.join('\r\n') + '\r\n';
}
