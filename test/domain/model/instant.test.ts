/**
 * The instant fast path (isNormalInstant): plain arithmetic that must give the same answer as
 * the Date round trip it replaced, for well-formed instants and near misses alike.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isNormalInstant } from '../../../src/domain/model/records/fields';

const byDate = (s: string) => {
  const ms = Date.parse(s);
  return s.length === 24 && Number.isFinite(ms) && new Date(ms).toISOString() === s;
};
const pad = (n: number, w: number) => String(n).padStart(w, '0');

describe('isNormalInstant', () => {
  it('agrees with the Date round trip on instants with any field in or just out of range', () => {
    const candidate = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 61 }),
        fc.integer({ min: 0, max: 61 }),
        fc.integer({ min: 0, max: 999 }),
      )
      .map(
        ([y, mo, d, h, mi, s, ms]) =>
          `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}.${pad(ms, 3)}Z`,
      );
    fc.assert(
      fc.property(candidate, (s) => {
        expect(isNormalInstant(s)).toBe(byDate(s));
      }),
      { numRuns: 20_000 },
    );
  });

  it('agrees on leap days, month ends and malformed text', () => {
    const cases = [
      '2024-02-29T12:00:00.000Z',
      '2023-02-29T12:00:00.000Z',
      '1900-02-29T00:00:00.000Z',
      '2000-02-29T00:00:00.000Z',
      '0000-02-29T00:00:00.000Z',
      '2025-04-31T00:00:00.000Z',
      '2025-12-31T23:59:59.999Z',
      '2025-01-01T24:00:00.000Z',
      '2025-01-01T12:00:00Z',
      '2025-01-01T12:00:00.000+00:00',
      '2025-01-01 12:00:00.000Z',
      '2025-01-01T12:00:00.000z',
      '+02025-01-01T12:00:00.000Z',
      '２025-01-01T12:00:00.000Z',
      '',
    ];
    for (const s of cases) expect(isNormalInstant(s), s).toBe(byDate(s));
    expect(isNormalInstant('2024-02-29T12:00:00.000Z')).toBe(true);
    expect(isNormalInstant('2023-02-29T12:00:00.000Z')).toBe(false);
  });

  it('agrees on any string with the shape of an instant', () => {
    const chars = fc.constantFrom(...'0123456789-T:.Z '.split(''));
    fc.assert(
      fc.property(fc.array(chars, { minLength: 24, maxLength: 24 }), (a) => {
        const s = a.join('');
        expect(isNormalInstant(s)).toBe(byDate(s));
      }),
      { numRuns: 5_000 },
    );
  });
});
