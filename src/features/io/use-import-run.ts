/**
 * The import dialog's state machine while a file is read: start the job (import-runner.ts) for a
 * chosen file, follow its progress at most once a frame, ask for a passphrase, and land on the
 * review or a refusal. `cancel` stops the job and changes nothing; so does closing the dialog.
 */
import { useCallback, useEffect, useRef } from 'react';
import { cleanLine } from '../../domain/model';
import { IMPORT_LIMITS, tooLarge, type Restored } from '../../domain/files';
import { useUiStore } from '../../store/ui-store';
import type { WorkingStage } from './import-steps';
import { startImport, type ImportRun } from './import-runner';
import { latestPerFrame } from './per-frame';

export type Stage =
  | { step: 'choose'; note?: string }
  | WorkingStage
  | { step: 'passphrase'; fileName: string; error?: string }
  | { step: 'refused'; fileName: string; errors: string[] }
  /** `where`: where the file was read (in a worker, or on the page itself). */
  | { step: 'review'; fileName: string; restored: Restored; where: 'worker' | 'main' }
  | { step: 'writing'; fileName: string; written: number; total: number };

export function useImportRun(setStage: (stage: Stage) => void) {
  const displayZone = useUiStore((s) => s.displayZone);
  const run = useRef<ImportRun | null>(null);
  /** Drops progress not yet shown, so a frame after Cancel cannot bring the progress back. */
  const dropProgress = useRef<(() => void) | null>(null);

  const stop = useCallback(() => {
    dropProgress.current?.();
    dropProgress.current = null;
    run.current?.cancel();
    run.current = null;
  }, []);
  useEffect(() => stop, [stop]);

  const openFile = useCallback(
    (file: File) => {
      stop();
      // The name as the browser gives it may hold anything (a bidi override turns 'gnp.json' round).
      const fileName = cleanLine(file.name, 'the file', 200);
      if (file.size > IMPORT_LIMITS.maxFileBytes) {
        setStage({ step: 'refused', fileName, errors: [tooLarge(file.size)] });
        return;
      }
      setStage({ step: 'working', fileName, phase: 'reading', done: 0, total: file.size, where: 'main' });
      const progress = latestPerFrame((phase: WorkingStage['phase'], done: number, total: number) =>
        setStage({ step: 'working', fileName, phase, done, total, where: current.where() }),
      );
      dropProgress.current = progress.cancel;
      const finish = () => {
        progress.cancel();
        run.current = null;
      };
      const current = startImport(
        { file, displayZone, now: new Date().toISOString() },
        {
          progress: progress.push,
          passphrase: (error) => {
            progress.cancel();
            setStage({ step: 'passphrase', fileName, error });
          },
          refused: (errors) => {
            finish();
            setStage({ step: 'refused', fileName, errors });
          },
          restored: (restored) => {
            finish();
            setStage({ step: 'review', fileName, restored, where: current.where() });
          },
        },
      );
      run.current = current;
    },
    [displayZone, stop, setStage],
  );

  const cancel = (fileName: string) => {
    stop();
    setStage({ step: 'choose', note: `The import of ${fileName} was cancelled. Nothing was changed.` });
  };

  const passphrase = useCallback((text: string) => run.current?.passphrase(text), []);
  const where = useCallback(() => run.current?.where() ?? 'main', []);
  return { openFile, cancel, stop, passphrase, where };
}
