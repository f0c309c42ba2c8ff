import { beforeEach, describe, expect, it } from 'vitest';
import { initialConflictsViewState, useConflictsViewStore } from '../../src/store/conflicts-view-store';
import { ZOOM_LEVELS_DAYS } from '../../src/domain/layout/timeline';

beforeEach(() => useConflictsViewStore.setState(initialConflictsViewState()));
const s = () => useConflictsViewStore.getState();

describe('conflicts view store', () => {
  it('merges and clears the list filter', () => {
    s().setFilter({ severities: ['error'] });
    s().setFilter({ participantIds: ['xi'], fromDate: '2025-10-01' });
    expect(s().filter).toEqual({
      severities: ['error'],
      rules: [],
      participantIds: ['xi'],
      fromDate: '2025-10-01',
      toDate: '',
    });
    s().clearFilter();
    expect(s().filter.severities).toEqual([]);
  });

  it('toggles the direction when the same sort key is chosen again', () => {
    s().setSort('margin');
    expect([s().sortKey, s().sortDirection]).toEqual(['margin', 'asc']);
    s().setSort('margin');
    expect(s().sortDirection).toBe('desc');
    s().setSort('date');
    expect(s().sortDirection).toBe('asc');
  });

  it('zooms within the levels, from a day to a year', () => {
    s().setZoom(0);
    s().zoomBy(-1);
    expect(s().timelineZoom).toBe(0);
    s().zoomBy(100);
    expect(ZOOM_LEVELS_DAYS[s().timelineZoom]).toBe(366);
  });

  it('shows an instant on the timeline, zooming in to at most the days asked', () => {
    s().setZoom(ZOOM_LEVELS_DAYS.indexOf(366));
    s().showOnTimeline('2025-10-28T10:00:00.000Z', 7);
    expect(s()).toMatchObject({ panel: 'timeline', timelineCentre: '2025-10-28T10:00:00.000Z' });
    expect(ZOOM_LEVELS_DAYS[s().timelineZoom]).toBe(7);
    s().setZoom(0);
    s().showOnTimeline('2025-10-29T10:00:00.000Z');
    expect(s().timelineZoom).toBe(0);
  });
});
