import { describe, expect, it } from 'vitest';
import { KIND_LABELS, MODE_LABELS, STATUS_LABELS } from '../../../src/domain/model/labels';
import { EVENT_KINDS, LEG_MODES, STATUSES } from '../../../src/domain/model/model';

describe('labels', () => {
  it.each([
    ['kinds', EVENT_KINDS, KIND_LABELS],
    ['modes', LEG_MODES, MODE_LABELS],
    ['statuses', STATUSES, STATUS_LABELS],
  ] as const)(
    'names every one of the %s in words: capitalised, the value with spaces for hyphens',
    (_, values, labels) => {
      expect(Object.keys(labels).sort()).toEqual([...values].sort());
      for (const value of values) {
        const label = (labels as Record<string, string>)[value]!;
        expect(label[0]).toBe(label[0]!.toUpperCase());
        expect(label.toLowerCase()).toBe(value.replace(/-/g, ' '));
      }
    },
  );
});
