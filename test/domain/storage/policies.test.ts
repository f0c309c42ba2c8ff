import { describe, expect, it } from 'vitest';
import { backupReminder, formatBytes, formatPercent, storageLevel } from '../../../src/domain/storage/policies';

describe('backup reminder', () => {
  const now = '2026-12-10T12:00:00.000Z';
  it.each([
    ['a backup 3 days old', '2026-12-07T12:00:00.000Z', null, { due: false, days: 3, never: false }],
    ['a backup exactly 7 days old', '2026-12-03T12:00:00.000Z', null, { due: false, days: 7, never: false }],
    ['a backup 7 days and a minute old', '2026-12-03T11:59:00.000Z', null, { due: true, days: 7, never: false }],
    [
      'a backup 30 days old',
      '2026-11-10T12:00:00.000Z',
      '2026-01-01T00:00:00.000Z',
      { due: true, days: 30, never: false },
    ],
    ['no backup, plan started 2 days ago', null, '2026-12-08T12:00:00.000Z', { due: false, days: 2, never: true }],
    ['no backup, plan started 9 days ago', null, '2026-12-01T12:00:00.000Z', { due: true, days: 9, never: true }],
    ['nothing known', null, null, { due: false, days: null, never: true }],
  ])('%s', (_label, last, since, expected) => {
    expect(backupReminder(last, since, now)).toEqual(expected);
  });
});

describe('storage level', () => {
  it('warns from 80 % of the quota on', () => {
    expect(storageLevel(79, 100)).toEqual({ fraction: 0.79, nearlyFull: false });
    expect(storageLevel(80, 100)).toEqual({ fraction: 0.8, nearlyFull: true });
    expect(storageLevel(150, 100)).toEqual({ fraction: 1, nearlyFull: true });
  });
  it('knows nothing without a quota', () => {
    expect(storageLevel(undefined, 100)).toEqual({ fraction: null, nearlyFull: false });
    expect(storageLevel(10, 0)).toEqual({ fraction: null, nearlyFull: false });
  });
  it('formats bytes and percentages for people', () => {
    expect([0, 1, 1023, 1536, 10 * 1024 * 1024, 9.84 * 1024 ** 3].map(formatBytes)).toEqual([
      '0 bytes',
      '1 byte',
      '1023 bytes',
      '1.5 KB',
      '10 MB',
      '9.8 GB',
    ]);
    expect([0, 0.004, 0.8543, 1].map(formatPercent)).toEqual(['0 %', '< 1 %', '85 %', '100 %']);
  });
});
