import { describe, expect, it } from 'vitest';
import { countOf, pluralOf, verbOf } from '../../../src/domain/model';

describe('counted words', () => {
  it.each([
    [0, '0 items'],
    [1, '1 item'],
    [2, '2 items'],
    [1_000, '1,000 items'],
  ])('countOf(%s, "item") is "%s"', (n, text) => {
    expect(countOf(n, 'item')).toBe(text);
  });

  it('takes an irregular plural and agrees the verb', () => {
    expect(countOf(1, 'accepted conflict')).toBe('1 accepted conflict');
    expect(countOf(3, 'city', 'cities')).toBe('3 cities');
    expect(pluralOf(1, 'leg')).toBe('leg');
    expect(pluralOf(0, 'leg')).toBe('legs');
    expect(`${countOf(1, 'item')} ${verbOf(1, 'refers', 'refer')}`).toBe('1 item refers');
    expect(`${countOf(2, 'item')} ${verbOf(2, 'refers', 'refer')}`).toBe('2 items refer');
  });
});
