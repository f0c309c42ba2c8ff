/**
 * Long reads (restoring a backup or a calendar file) are generators: they yield their progress
 * every so many records and return their result. `runSteps` runs one to the end at once (unit
 * tests, automatic backups); the import runner (src/features/io/import-core.ts) runs the same
 * generator step by step, posting each progress and, on the main thread, yielding between steps.
 */

/** Where a long read is: what it is doing, how far through it is (total 0: not known). */
export interface StepProgress {
  phase: 'parsing' | 'checking';
  done: number;
  total: number;
}

export type Steps<R> = Generator<StepProgress, R, void>;

/** Records checked between two progress reports. */
export const STEP_SIZE = 1000;

/** Run a long read to its end in one go. */
export function runSteps<R>(steps: Steps<R>): R {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
