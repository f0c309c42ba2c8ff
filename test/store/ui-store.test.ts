import { beforeEach, describe, expect, it } from 'vitest';
import { initialUiState, useUiStore } from '../../src/store/ui-store';

beforeEach(() => useUiStore.setState(initialUiState()));

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
