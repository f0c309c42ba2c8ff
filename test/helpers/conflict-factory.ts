import type { Conflict, ItemRef } from '../../src/domain/conflicts/types';

/** A hand-made conflict with the contract's shape; its id follows the engine's rule (rule + sorted item ids). */
export function makeConflict(overrides: Partial<Conflict> & { items?: ItemRef[] } = {}): Conflict {
  const rule = overrides.rule ?? 'overlap';
  const items = overrides.items ?? [
    { type: 'event', id: 'a', title: 'Item A' },
    { type: 'event', id: 'b', title: 'Item B' },
  ];
  return {
    id: `${rule}:${items
      .map((i) => i.id)
      .sort()
      .join('+')}`,
    rule,
    severity: 'warning',
    items,
    participantIds: [],
    at: '2025-10-28T10:00:00.000Z',
    marginMs: 3_600_000,
    margin: 'overlaps by 1 h',
    explanation: `${items.map((i) => i.title).join(' and ')} overlap.`,
    onlyWith: [],
    ...overrides,
  };
}
