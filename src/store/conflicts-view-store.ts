/**
 * UI state of the Conflicts view: which panel is shown, the list's filters and sort, the
 * timeline's centre, zoom and lanes, and the dates being checked. Plan data is never kept here.
 */
import { create } from 'zustand';
import type { SortDirection, SortKey } from '../domain/conflicts';
import type { RuleId, Severity } from '../domain/conflicts';
import { ZOOM_LEVELS_DAYS, type LaneMode } from '../domain/layout';

export const CONFLICT_PANELS = ['list', 'what-if', 'timeline', 'check'] as const;
export type ConflictPanel = (typeof CONFLICT_PANELS)[number];

export interface ConflictListFilter {
  severities: Severity[];
  rules: RuleId[];
  participantIds: string[];
  /** Local dates `YYYY-MM-DD` in the display zone, inclusive; "" for open-ended. */
  fromDate: string;
  toDate: string;
}

export interface RangeCheckInput {
  startDate: string;
  endDate: string;
  nearDays: number;
  /** The visit whose dates were taken (its own items are left out), or "" for none. */
  visitId: string;
  participantId: string;
}

export interface ConflictsViewState {
  panel: ConflictPanel;
  filter: ConflictListFilter;
  sortKey: SortKey;
  sortDirection: SortDirection;
  /** UTC ISO instant at the middle of the timeline, or null for "around the first conflict". */
  timelineCentre: string | null;
  /** Index into ZOOM_LEVELS_DAYS. */
  timelineZoom: number;
  lanesBy: LaneMode;
  rangeCheck: RangeCheckInput | null;
  setPanel: (panel: ConflictPanel) => void;
  setFilter: (filter: Partial<ConflictListFilter>) => void;
  clearFilter: () => void;
  setSort: (key: SortKey, direction?: SortDirection) => void;
  setTimelineCentre: (centre: string | null) => void;
  /** Step the zoom: negative zooms in (fewer days), positive out; clamped to the levels. */
  zoomBy: (step: number) => void;
  setZoom: (index: number) => void;
  setLanesBy: (mode: LaneMode) => void;
  setRangeCheck: (input: RangeCheckInput | null) => void;
  /** Show the timeline around an instant, at a zoom of at most `days` days. */
  showOnTimeline: (at: string, days?: number) => void;
}

export const EMPTY_CONFLICT_FILTER: ConflictListFilter = {
  severities: [],
  rules: [],
  participantIds: [],
  fromDate: '',
  toDate: '',
};

const clampZoom = (i: number) => Math.min(ZOOM_LEVELS_DAYS.length - 1, Math.max(0, Math.round(i)));
const DEFAULT_ZOOM = ZOOM_LEVELS_DAYS.indexOf(14);

export const initialConflictsViewState = () => ({
  panel: 'list' as ConflictPanel,
  filter: EMPTY_CONFLICT_FILTER,
  sortKey: 'severity' as SortKey,
  sortDirection: 'asc' as SortDirection,
  timelineCentre: null,
  timelineZoom: DEFAULT_ZOOM,
  lanesBy: 'participant' as LaneMode,
  rangeCheck: null,
});

export const useConflictsViewStore = create<ConflictsViewState>()((set) => ({
  ...initialConflictsViewState(),
  setPanel: (panel) => set({ panel }),
  setFilter: (filter) => set((s) => ({ filter: { ...s.filter, ...filter } })),
  clearFilter: () => set({ filter: EMPTY_CONFLICT_FILTER }),
  setSort: (sortKey, direction) =>
    set((s) => ({
      sortKey,
      sortDirection: direction ?? (s.sortKey === sortKey && s.sortDirection === 'asc' ? 'desc' : 'asc'),
    })),
  setTimelineCentre: (timelineCentre) => set({ timelineCentre }),
  zoomBy: (step) => set((s) => ({ timelineZoom: clampZoom(s.timelineZoom + step) })),
  setZoom: (index) => set({ timelineZoom: clampZoom(index) }),
  setLanesBy: (lanesBy) => set({ lanesBy }),
  setRangeCheck: (rangeCheck) => set({ rangeCheck }),
  showOnTimeline: (at, days = 7) =>
    set((s) => ({
      panel: 'timeline',
      timelineCentre: at,
      timelineZoom: Math.min(s.timelineZoom, clampZoom(ZOOM_LEVELS_DAYS.findIndex((d) => d >= days))),
    })),
}));
