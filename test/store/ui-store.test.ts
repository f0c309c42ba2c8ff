import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sharedAnalysis } from '../../src/domain/conflicts';
import { buildSamplePlan } from '../../src/domain/sample';
import { clockTime, localParts } from '../../src/domain/time';
import { initialUiState, useUiStore, type ClockSetting } from '../../src/store/ui-store';

beforeEach(() => useUiStore.setState(initialUiState()));
afterEach(() => useUiStore.getState().setClock('24h'));

/** The store's persisted JSON (localStorage in a browser; the session's memory store in Node). */
const storage = () => useUiStore.persist.getOptions().storage!;
const localStorageItem = () => {
  const item = storage().getItem('summitry-ui') as { state: unknown; version?: number } | null;
  return item ? JSON.stringify(item) : null;
};
const writeStored = (value: unknown) => storage().setItem('summitry-ui', value as never);

describe('ui store', () => {
  it('changes the display zone to a valid IANA zone', () => {
    useUiStore.getState().setDisplayZone('Asia/Seoul');
    expect(useUiStore.getState().displayZone).toBe('Asia/Seoul');
  });

  it('refuses an unknown zone and keeps the old one', () => {
    useUiStore.getState().setDisplayZone('Asia/Seoul');
    expect(() => useUiStore.getState().setDisplayZone('Atlantis/Capital')).toThrow(/not a known IANA time zone/);
    expect(useUiStore.getState().displayZone).toBe('Asia/Seoul');
  });

  it('merges filters and toggles optional items', () => {
    useUiStore.getState().setFilters({ kinds: ['summit'] });
    useUiStore.getState().setFilters({ statuses: ['held'] });
    expect(useUiStore.getState().filters).toEqual({ participantIds: [], kinds: ['summit'], statuses: ['held'] });
    useUiStore.getState().setIncludeOptional(false);
    expect(useUiStore.getState().includeOptional).toBe(false);
  });
});

describe('clock setting', () => {
  it('switches every formatted time of day between 24-hour and 12-hour', () => {
    useUiStore.getState().setClock('24h');
    expect(clockTime(14, 30)).toBe('14:30');
    expect(localParts('2025-10-30T02:00:00.000Z', 'Asia/Seoul').time).toBe('11:00');
    useUiStore.getState().setClock('12h');
    expect(useUiStore.getState().clock).toBe('12h');
    expect(clockTime(14, 30)).toBe('2:30 PM');
    expect(clockTime(0, 5)).toBe('12:05 AM');
    expect(localParts('2025-10-30T02:00:00.000Z', 'Asia/Seoul').time).toBe('11:00 AM');
    useUiStore.getState().setClock('24h');
    expect(clockTime(0, 5)).toBe('00:05');
  });

  it('refuses anything but 24h and 12h and keeps the setting', () => {
    useUiStore.getState().setClock('12h');
    expect(() => useUiStore.getState().setClock('13h' as ClockSetting)).toThrow(/not a clock setting/);
    expect(useUiStore.getState().clock).toBe('12h');
    expect(clockTime(9, 0)).toBe('9:00 AM');
  });

  it('is remembered, and a stored value that is not a setting is ignored', async () => {
    useUiStore.getState().setClock('12h');
    const stored = JSON.parse(localStorageItem()!) as { state: Record<string, unknown> };
    expect(stored.state.clock).toBe('12h');
    useUiStore.setState({ clock: '24h' }); // the store writes this through
    writeStored(stored); // a reload finds '12h'
    await useUiStore.persist.rehydrate();
    expect(useUiStore.getState().clock).toBe('12h');
    expect(clockTime(21, 0)).toBe('9:00 PM');
    writeStored({ ...stored, state: { ...stored.state, clock: 'sundial' } });
    await useUiStore.persist.rehydrate();
    expect(useUiStore.getState().clock).toBe('12h');
  });

  it('a plan analysed under one clock is analysed again under the other (explanations keep their times)', () => {
    const plan = buildSamplePlan();
    useUiStore.getState().setClock('24h');
    const timed = (a: ReturnType<typeof sharedAnalysis>) =>
      a.conflicts.map((c) => c.explanation).find((e) => /\d:\d\d/.test(e));
    const a24 = sharedAnalysis(plan, true);
    expect(sharedAnalysis(plan, true)).toBe(a24);
    const read24 = timed(a24); // read (and kept) under the 24-hour clock
    expect(read24).toMatch(/\b\d\d:\d\d\b/);
    expect(read24).not.toMatch(/\d:\d\d [AP]M/);
    useUiStore.getState().setClock('12h');
    const a12 = sharedAnalysis(plan, true);
    expect(a12).not.toBe(a24);
    expect(timed(a12)).toMatch(/\d:\d\d [AP]M/);
  });
});
