import { describe, expect, it } from 'vitest';
import { parseEntity, validateEntity } from '../../../src/domain/model';
import { isSafeUrl } from '../../../src/domain/model/model';
import { ValidationError } from '../../../src/domain/model/validate';
import { makeAllDayEvent, makeEvent, makeLeg, makeWindow } from '../../helpers/factories';

function messageOf(table: Parameters<typeof validateEntity>[0], value: unknown): string {
  const result = validateEntity(table, value);
  if (result.ok) throw new Error('expected a validation error');
  return result.error.message;
}

describe('validators name the field at fault', () => {
  it.each([
    ['title', { title: '   ' }, 'title is required'],
    ['end before start', { endsAt: '2025-10-30T01:00:00.000Z' }, 'endsAt must be after the start'],
    ['unknown zone', { timeZone: 'Mars/Olympus' }, 'timeZone "Mars/Olympus" is not a known IANA time zone'],
    ['bad kind', { kind: 'party' }, 'kind must be one of summit'],
    ['impossible date', { startsAt: '2025-02-30T10:00:00.000Z' }, 'startsAt is not a real date-time'],
    ['local time as instant', { startsAt: '2025-10-30T11:00' }, 'startsAt must be a UTC date-time'],
    [
      'javascript: source',
      { sources: [{ title: 'x', url: 'javascript:alert(1)' }] },
      'sources.0.url must be an absolute web address such as https://example.org/page, or a mailto: address',
    ],
    ['missing participants', { participantIds: undefined }, 'participantIds is required'],
  ])('%s', (_name, patch, expected) => {
    expect(messageOf('events', { ...makeEvent({ title: 'Test item' }), ...patch })).toContain(expected);
  });

  it('names the record in the message', () => {
    expect(messageOf('events', { ...makeEvent({ title: 'Busan meeting' }), kind: 'x' })).toMatch(
      /^Event "Busan meeting": kind/,
    );
  });

  it('refuses a leg that arrives before it departs, or goes nowhere', () => {
    expect(messageOf('legs', makeLeg({ arrivesAt: '2025-10-28T00:00:00.000Z' }))).toContain(
      'arrivesAt must be after the departure',
    );
    expect(messageOf('legs', makeLeg({ toPlaceId: 'beijing-south' as never }))).toContain('toPlaceId must differ');
  });

  it("derives all-day instants from local dates in the item's zone, overriding stale ones", () => {
    const e = parseEntity('events', {
      ...makeAllDayEvent('2025-10-31', '2025-11-01', 'Asia/Seoul'),
      startsAt: '2000-01-01T00:00:00.000Z',
    });
    expect([e.startsAt, e.endsAt]).toEqual(['2025-10-30T15:00:00.000Z', '2025-11-01T15:00:00.000Z']);
    const w = parseEntity('windows', makeWindow('2025-10-26', '2025-10-26', 'Europe/Madrid'));
    // 26 Oct 2025 is the day Madrid leaves CEST: a 25-hour day.
    expect([w.startsAt, w.endsAt]).toEqual(['2025-10-25T22:00:00.000Z', '2025-10-26T23:00:00.000Z']);
  });

  it('refuses an all-day item whose last day is before its first', () => {
    expect(messageOf('events', makeAllDayEvent('2025-11-02', '2025-11-01', 'Asia/Seoul'))).toContain(
      'endDate must be on or after the start date',
    );
  });

  it('strips control characters from text but keeps newlines', () => {
    const e = parseEntity('events', makeEvent({ title: 'A\u0000B\u0007C', notes: 'line 1\nline 2\u001b' }));
    expect(e.title).toBe('ABC');
    expect(e.notes).toBe('line 1\nline 2');
  });

  it('throws a ValidationError from parseEntity', () => {
    expect(() => parseEntity('places', { id: 'x' })).toThrow(ValidationError);
  });

  it.each([
    ['https://example.org/a', true],
    ['http://example.org', true],
    ['mailto:desk@example.org', true],
    ['javascript:alert(1)', false],
    ['data:text/html,hi', false],
    ['not a url', false],
    ['https:evil.example', false],
    ['https:/evil.example/a', false],
    ['http:\\\\evil.example', false],
    ['https://', false],
    ['https:///path', false],
    ['HTTPS://Example.org/a?b=1#c', true],
    ['https://example.org/a b', false],
    ['https://example.org/\u202Egnp', false],
    ['mailto:', false],
    ['mailto:nobody', false],
    ['ftp://example.org/file', false],
  ])('isSafeUrl(%s) is %s', (url, safe) => {
    expect(isSafeUrl(url)).toBe(safe);
  });
});

describe('inert text', () => {
  it('strips bidirectional overrides, isolates and direction marks (U+200F too: text shows in the order it is stored)', () => {
    const e = parseEntity('events', makeEvent({ title: 'Evil \u202Egnp.exe\u202C trip \u2067x\u2069 \u200Fok' }));
    expect(e.title).toBe('Evil gnp.exe trip x ok');
  });

  it('keeps HTML and script as literal text (they are rendered as text, never as markup)', () => {
    const e = parseEntity(
      'events',
      makeEvent({ title: '<img src=x onerror=alert(1)>', notes: '<script>alert(2)</script>' }),
    );
    expect(e.title).toBe('<img src=x onerror=alert(1)>');
    expect(e.notes).toBe('<script>alert(2)</script>');
  });
});
