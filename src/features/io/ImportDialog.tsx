import { useEffect, useRef, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { db, failureMessage } from '../../db';
import { applyImport, type ImportMode } from '../../db/io';
import { undoOffer } from '../../db/undo-offer';
import type { Restored } from '../../domain/files';
import { APP_VERSION, countOf } from '../../domain/model';
import { useUndoStore } from '../../store/undo-store';
import { ChooseStep, ImportProgress, PassphraseForm, RefusedStep, WritingStep } from './import-steps';
import { Review } from './ImportReview';
import { latestPerFrame } from './per-frame';
import { useImportRun, type Stage } from './use-import-run';

const count = countOf;
/** Records per write request: small enough that no one request holds the page for long (500: about 60 ms on a busy machine). */
const WRITE_CHUNK = 500;
/** For the benchmark: the write's duration as a performance entry (where the API exists). */
function markWriteTime(start: number) {
  try {
    performance.measure('summitry:import-write', { start, end: performance.now() });
  } catch {
    /* not measured; the import itself succeeded */
  }
}

/**
 * Import…: choose or drop a file, see what it holds and what it will change, then confirm. The
 * file is read, decrypted, parsed and checked off the main thread (import-runner.ts), with its
 * progress shown and Cancel at any point before the write; nothing is written until confirmed.
 */
export function ImportDialog({ initialFile, onClose }: { initialFile?: File; onClose: () => void }) {
  const present = useUndoStore((s) => s.present);
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const started = useRef(false);
  const { openFile, cancel, stop, passphrase, where } = useImportRun(setStage);

  useEffect(() => {
    if (initialFile && !started.current) {
      started.current = true;
      openFile(initialFile);
    }
  }, [initialFile, openFile]);

  const write = async (restored: Restored, mode: ImportMode, fileName: string) => {
    const total = restored.recordCount;
    setStage({ step: 'writing', fileName, written: 0, total });
    const now = new Date().toISOString();
    const progress = latestPerFrame((written: number, all: number) =>
      setStage({ step: 'writing', fileName, written, total: all }),
    );
    const t0 = performance.now();
    try {
      const result = await applyImport(db, restored, mode, {
        now,
        appVersion: APP_VERSION,
        reason: `Before importing ${fileName}`,
        fileName,
        onProgress: progress.push,
        chunkSize: WRITE_CHUNK,
      });
      markWriteTime(t0);
      progress.cancel();
      onClose();
      const t = result.summary.total;
      // Undo is the History entry's: it returns the plan exactly to how it was before the import.
      present(
        undoOffer(
          result.entry,
          mode === 'replace'
            ? `Plan replaced with ${fileName} (${count(t.add, 'item')}). Your previous plan was saved as an automatic backup.`
            : `Imported ${fileName}: ${t.add.toLocaleString('en')} added, ${t.update.toLocaleString('en')} updated, ${t.unchanged.toLocaleString('en')} unchanged.`,
        ),
      );
    } catch (err) {
      progress.cancel();
      setStage({ step: 'refused', fileName, errors: [failureMessage('The import failed', err)] });
    }
  };

  const close = () => {
    stop();
    onClose();
  };
  return (
    <Dialog title="Import" onClose={stage.step === 'writing' ? () => undefined : close}>
      <div className="io-dialog">
        {stage.step === 'choose' && <ChooseStep note={stage.note} onFile={openFile} onClose={close} />}

        {stage.step === 'working' && <ImportProgress stage={stage} onCancel={() => cancel(stage.fileName)} />}

        {stage.step === 'passphrase' && (
          <PassphraseForm
            fileName={stage.fileName}
            error={stage.error}
            onCancel={() => cancel(stage.fileName)}
            onSubmit={(text) => {
              setStage({
                step: 'working',
                fileName: stage.fileName,
                phase: 'decrypting',
                done: 0,
                total: 0,
                where: where(),
              });
              passphrase(text);
            }}
          />
        )}

        {stage.step === 'refused' && (
          <RefusedStep
            fileName={stage.fileName}
            errors={stage.errors}
            onAgain={() => setStage({ step: 'choose' })}
            onClose={close}
          />
        )}

        {stage.step === 'review' && (
          <div data-import-runner={stage.where}>
            <Review
              fileName={stage.fileName}
              restored={stage.restored}
              onCancel={close}
              onConfirm={(mode) => write(stage.restored, mode, stage.fileName)}
            />
          </div>
        )}

        {stage.step === 'writing' && <WritingStep written={stage.written} total={stage.total} />}
      </div>
    </Dialog>
  );
}
