/**
 * What the app tells the user about itself (UI state only): where the plan is stored, whether
 * the database is waiting on or was closed by another tab, whether a new version is ready, and a
 * reload the user asked for while an edit was open. A reload never happens while the editor is
 * open: it waits until the editor closes.
 */
import { create } from 'zustand';
import { useUiStore } from './ui-store';

export type StorageMode = 'opening' | 'indexeddb' | 'memory';

/** `blocked`: an upgrade waits for other tabs; `closed`: another tab upgraded the database. */
export type DbNotice = 'blocked' | 'closed' | null;

/** `ready`: a new version waits for the user; `elsewhere`: another tab switched to it. */
export type UpdateState = 'none' | 'ready' | 'elsewhere';

export interface StatusState {
  storageMode: StorageMode;
  /** Why IndexedDB could not be used (memory mode). */
  storageProblem: string | null;
  /** Whether the browser granted persistent storage; null while unknown or unsupported. */
  persisted: boolean | null;
  dbNotice: DbNotice;
  update: UpdateState;
  /** The app is cached for offline use. */
  offlineReady: boolean;
  /** The new version's "skip waiting and reload", set by the service-worker registration. */
  applyUpdate: (() => void) | null;
  /** A reload the user asked for while an edit was open; it runs when the editor closes. */
  pendingReload: (() => void) | null;
  /** The Storage panel is open. */
  storagePanelOpen: boolean;
  setStorage: (mode: StorageMode, problem?: string | null) => void;
  setPersisted: (persisted: boolean | null) => void;
  setDbNotice: (notice: DbNotice) => void;
  setUpdate: (update: UpdateState, applyUpdate?: (() => void) | null) => void;
  setOfflineReady: (ready: boolean) => void;
  setStoragePanelOpen: (open: boolean) => void;
  /** Run `reload` now, or, while an edit is open, when the editor closes. */
  requestReload: (reload: () => void) => void;
}

export const initialStatusState = () => ({
  storageMode: 'opening' as StorageMode,
  storageProblem: null,
  persisted: null,
  dbNotice: null as DbNotice,
  update: 'none' as UpdateState,
  offlineReady: false,
  applyUpdate: null,
  pendingReload: null,
  storagePanelOpen: false,
});

export const useStatusStore = create<StatusState>()((set) => ({
  ...initialStatusState(),
  setStorage: (storageMode, storageProblem = null) => set({ storageMode, storageProblem }),
  setPersisted: (persisted) => set({ persisted }),
  setDbNotice: (dbNotice) => set({ dbNotice }),
  setUpdate: (update, applyUpdate) => set(applyUpdate === undefined ? { update } : { update, applyUpdate }),
  setOfflineReady: (offlineReady) => set({ offlineReady }),
  setStoragePanelOpen: (storagePanelOpen) => set({ storagePanelOpen }),
  requestReload: (reload) => {
    if (useUiStore.getState().editor !== null) set({ pendingReload: reload });
    else {
      set({ pendingReload: null });
      reload();
    }
  },
}));

useUiStore.subscribe((state, previous) => {
  if (state.editor !== null || previous.editor === null) return;
  const pending = useStatusStore.getState().pendingReload;
  if (!pending) return;
  useStatusStore.setState({ pendingReload: null });
  pending();
});
