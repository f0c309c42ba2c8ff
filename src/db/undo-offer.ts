/**
 * What the toast offers after a write: the message, and an Undo that runs the entry's inverse
 * as a command and returns what to say next (done, or why not). The toast itself lives in
 * src/store/undo-store.ts (`present`); `commit` runs a command and returns its offer.
 */
import type { HistoryEntry } from '../domain/model';
import { runCommand, type Command, type CommandBuilder, type CommandResult } from './commands';
import { describeWriteError } from './errors';
import { db } from './index';
import { restoreDeleted, undoEntry, UndoRefusedError } from './undo';

export interface UndoOffer {
  message: string;
  /** Runs the undo; resolves to the sentence to show after it (done, or why it was refused). */
  undo?: () => Promise<string>;
}

/** A message as a sentence: its own full stop added if it has none. */
export const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/** Why an undo or restore was not done, in plain words. */
export function describeUndoError(err: unknown): string {
  if (err instanceof UndoRefusedError) return err.message;
  return `Could not undo: ${describeWriteError(err)}`;
}

/** Undo an entry; the sentence to show. */
export async function undoAndSay(entry: Pick<HistoryEntry, 'id' | 'label'>): Promise<string> {
  try {
    await undoEntry(db, entry.id);
    return sentence(`Undone: ${entry.label}`);
  } catch (err) {
    return describeUndoError(err);
  }
}

/** Restore what an entry deleted; the sentence to show. */
export async function restoreAndSay(entry: Pick<HistoryEntry, 'id'>): Promise<string> {
  try {
    const { entry: restored } = await restoreDeleted(db, entry.id);
    return sentence(restored?.label ?? 'Restored');
  } catch (err) {
    return describeUndoError(err);
  }
}

/** The toast's offer for an entry (`message` defaults to the entry's label). */
export function undoOffer(entry: HistoryEntry | undefined, message?: string): UndoOffer {
  if (!entry) return { message: sentence(message ?? 'Nothing changed') };
  return { message: sentence(message ?? entry.label), undo: () => undoAndSay(entry) };
}

/** Run a command on the app's database; its result and the toast's offer. Throws what the write path throws. */
export async function commit(
  command: Command | CommandBuilder,
  message?: string,
): Promise<CommandResult & { offer: UndoOffer }> {
  const result = await runCommand(db, command);
  return { ...result, offer: undoOffer(result.entry, message) };
}
