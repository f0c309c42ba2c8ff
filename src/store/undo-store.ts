/** The one pending "Undo" offer shown in the toast (a UI concern: what to say, what to call). */
import { create } from 'zustand';

export interface UndoState {
  message: string | null;
  undo: (() => Promise<void>) | null;
  offer: (message: string, undo: () => Promise<void>) => void;
  notify: (message: string) => void;
  dismiss: () => void;
}

export const useUndoStore = create<UndoState>()((set) => ({
  message: null,
  undo: null,
  offer: (message, undo) => set({ message, undo }),
  notify: (message) => set({ message, undo: null }),
  dismiss: () => set({ message: null, undo: null }),
}));
