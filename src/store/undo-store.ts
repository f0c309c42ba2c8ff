/** The one pending "Undo" offer shown in the toast (a UI concern: what to say, what to call). */
import { create } from 'zustand';

/** An offer from the write path (src/db/undo-offer.ts): the message, and an undo saying how it went. */
export interface Presentable {
  message: string;
  undo?: () => Promise<string>;
}

export interface UndoState {
  message: string | null;
  undo: (() => Promise<void>) | null;
  offer: (message: string, undo: () => Promise<void>) => void;
  /** Show a write's offer: its message with Undo; after Undo, what the undo says. */
  present: (offer: Presentable) => void;
  notify: (message: string) => void;
  dismiss: () => void;
}

export const useUndoStore = create<UndoState>()((set) => ({
  message: null,
  undo: null,
  offer: (message, undo) => set({ message, undo }),
  present: ({ message, undo }) =>
    set({
      message,
      undo: undo
        ? async () => {
            const said = await undo();
            set({ message: said, undo: null });
          }
        : null,
    }),
  notify: (message) => set({ message, undo: null }),
  dismiss: () => set({ message: null, undo: null }),
}));
