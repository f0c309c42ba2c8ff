/**
 * UI state only: display zone, the 12/24-hour clock, the shared "Include optional legs" toggle,
 * filters and which item the editor has open. Plan data lives in IndexedDB and is read with live
 * queries, never here.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { EventKind, Status } from '../domain/model';
import { isValidZone, setHour12 } from '../domain/time';

export type EditorTarget =
  | { mode: 'edit'; type: 'event' | 'leg' | 'window'; id: string }
  | { mode: 'new'; startsAt?: string; endsAt?: string; allDay?: boolean };

export interface Filters {
  participantIds: string[];
  kinds: EventKind[];
  statuses: Status[];
}

/** A record made from scratch in its own dialog (New visit, New place). */
export type CreateTarget = 'visit' | 'place';

/** How times of day are written everywhere: "14:30" or "2:30 PM". */
export type ClockSetting = '24h' | '12h';

export interface UiState {
  displayZone: string;
  clock: ClockSetting;
  includeOptional: boolean;
  filters: Filters;
  editor: EditorTarget | null;
  creating: CreateTarget | null;
  setDisplayZone: (zone: string) => void;
  setClock: (clock: ClockSetting) => void;
  setIncludeOptional: (include: boolean) => void;
  setFilters: (filters: Partial<Filters>) => void;
  openEditor: (target: EditorTarget) => void;
  closeEditor: () => void;
  openCreate: (target: CreateTarget) => void;
  closeCreate: () => void;
}

export function browserZone(): string {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return zone && isValidZone(zone) ? zone : 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Where there is no localStorage (tests in Node), settings live for the session only. */
const memoryStorage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> = (() => {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
})();

const isClock = (v: unknown): v is ClockSetting => v === '24h' || v === '12h';

export const EMPTY_FILTERS: Filters = { participantIds: [], kinds: [], statuses: [] };

export const initialUiState = () => ({
  displayZone: browserZone(),
  // Protocol offices write the 24-hour clock whatever the laptop's locale; 12-hour is one choice away.
  clock: '24h' as ClockSetting,
  includeOptional: true,
  filters: EMPTY_FILTERS,
  editor: null,
  creating: null,
});

export const useUiStore = create<UiState>()(
  persist(
    (set) => ({
      ...initialUiState(),
      setDisplayZone: (zone) => {
        if (!isValidZone(zone)) throw new RangeError(`"${zone}" is not a known IANA time zone`);
        set({ displayZone: zone });
      },
      setClock: (clock) => {
        if (!isClock(clock)) throw new RangeError(`"${String(clock)}" is not a clock setting (24h or 12h)`);
        set({ clock });
      },
      setIncludeOptional: (includeOptional) => set({ includeOptional }),
      setFilters: (filters) => set((s) => ({ filters: { ...s.filters, ...filters } })),
      openEditor: (editor) => set({ editor }),
      closeEditor: () => set({ editor: null }),
      openCreate: (creating) => set({ creating }),
      closeCreate: () => set({ creating: null }),
    }),
    {
      name: 'summitry-ui',
      version: 1,
      storage: createJSONStorage(() => (typeof localStorage === 'undefined' ? memoryStorage : localStorage)),
      partialize: (s) => ({
        displayZone: s.displayZone,
        clock: s.clock,
        includeOptional: s.includeOptional,
        filters: s.filters,
      }),
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as Partial<UiState>;
        return {
          ...current,
          ...(typeof p.displayZone === 'string' && isValidZone(p.displayZone) ? { displayZone: p.displayZone } : {}),
          ...(isClock(p.clock) ? { clock: p.clock } : {}),
          ...(typeof p.includeOptional === 'boolean' ? { includeOptional: p.includeOptional } : {}),
          ...(p.filters && typeof p.filters === 'object' ? { filters: { ...EMPTY_FILTERS, ...p.filters } } : {}),
        };
      },
    },
  ),
);

// Every formatter that writes a time of day (src/domain/time/labels.ts) follows the setting.
setHour12(useUiStore.getState().clock === '12h');
useUiStore.subscribe((state) => setHour12(state.clock === '12h'));
