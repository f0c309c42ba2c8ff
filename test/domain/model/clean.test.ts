/* eslint-disable no-control-regex -- matching control characters is the point */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cleanDeep,
  cleanLine,
  cleanPlanName,
  cleanText,
  parseRecord,
  RECORDS,
  type RecordTable,
} from '../../../src/domain/model';
import { makeEvent } from '../../helpers/factories';

describe('cleanText: the one text cleaner', () => {
  it.each([
    ['line\r\nbreaks\rand\u2028separators\u2029end\u0085', 'line\nbreaks\nand\nseparators\nend\n'],
    ['tab\there', 'tab here'],
    ['nul\u0000bell\u0007esc\u001Bdel\u007Fcsi\u009Bnbsp\u00A0', 'nulbellescdelcsinbsp\u00A0'],
    ['\u202Aa\u202Bb\u202Cc\u202Dd\u202Ee\u2066f\u2067g\u2068h\u2069i', 'abcdefghi'],
    ['lrm\u200E rlm\u200F alm\u061C', 'lrm rlm alm'],
    ['zw\u200Bsp wj\u2060 bom\uFEFF mvs\u180E op\u2062 deprecated\u206A', 'zwsp wj bom mvs op deprecated'],
    ['می\u200Cخواهم', 'می\u200Cخواهم'],
    ['family 👨\u200D👩\u200D👧', 'family 👨\u200D👩\u200D👧'],
    ['lone \uD800 low \uDC00 pair \uD83D\uDE00', 'lone \uFFFD low \uFFFD pair \uD83D\uDE00'],
    ['<script>alert(1)</script> & "quotes"', '<script>alert(1)</script> & "quotes"'],
  ])('cleanText(%j) is %j', (input, out) => {
    expect(cleanText(input)).toBe(out);
  });

  it('is idempotent and leaves nothing it removes (any string)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
        const once = cleanText(s);
        expect(cleanText(once)).toBe(once);
        expect(once).not.toMatch(
          /[\r\t\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B\u200E\u200F\u2028-\u202E\u2066-\u2069\uFEFF]/,
        );
        expect(once.isWellFormed()).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('cleans every string of a record, nested ones too, and never touches a prototype', () => {
    const raw = JSON.parse('{"a":"x\\u202E","b":["\\r\\n"],"c":{"d":"\\u0000y"},"__proto__":{"polluted":"\\u200B"}}');
    const out = cleanDeep(raw) as Record<string, unknown>;
    expect(out.a).toBe('x');
    expect(out.b).toEqual(['\n']);
    expect(out.c).toEqual({ d: 'y' });
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('the plan name is cleaned, trimmed and never empty', () => {
    expect(cleanPlanName('  \u202EPlan\r\n  ')).toBe('Plan');
    expect(cleanPlanName('\u200B\u0000')).toBe('Imported plan');
    expect(cleanPlanName(undefined, 'Calendar')).toBe('Calendar');
  });

  it('every record type cleans its text through its normaliser (acceptance notes and history labels too)', () => {
    const dirty = 'A\u202E\r\nB\u0007\u200F';
    const event = parseRecord('events', makeEvent({ title: dirty, notes: dirty, topics: [dirty] }));
    expect([event.title, event.notes, event.topics[0]]).toEqual(['A\nB', 'A\nB', 'A\nB']);
    const acceptance = parseRecord('acceptances', {
      id: 'overlap:a|b',
      note: dirty,
      acceptedAt: '2026-01-01T00:00:00.000Z',
      itemsFingerprint: '[]',
    });
    expect(acceptance.note).toBe('A\nB');
    const history = parseRecord('history', {
      id: 'h-1',
      at: '2026-01-01T00:00:00.000Z',
      deviceId: 'd',
      label: `Moved ${dirty}`,
      kind: 'edit',
      itemKeys: [],
      changes: [{ table: 'events', id: 'e', title: dirty, before: null, after: { title: dirty } }],
    });
    expect(history.label).toBe('Moved A\nB');
    expect(history.changes[0]!.title).toBe('A\nB');
    expect(history.changes[0]!.after).toEqual({ title: 'A\nB' });
    for (const table of Object.keys(RECORDS) as RecordTable[])
      expect(RECORDS[table].normalize({ any: dirty }), table).toMatchObject({ any: 'A\nB' });
  });
});

describe('cleanLine: a file name, history label or device name', () => {
  it.each([
    ['report\u202Egnp.json', 'reportgnp.json'],
    ['two\r\nlines\u2028and\ttab\u0007', 'two lines and tab'],
    ['  \u200B\u202E \n ', 'fallback'],
    ['x'.repeat(30), 'x'.repeat(20)],
  ])('cleanLine(%j) is %j', (input, out) => {
    expect(cleanLine(input, 'fallback', 20)).toBe(out);
  });

  it('is one line of cleaned text, never empty (any string)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
        const line = cleanLine(s, 'f');
        expect(line).toBe(cleanText(line));
        expect(line).not.toMatch(/\n/);
        expect(line.length).toBeGreaterThan(0);
      }),
    );
  });
});
