/**
 * Start an import job (import-core.ts) for one file: in a Web Worker where the browser has them,
 * else on the main thread in steps that yield to the page. The runner puts the job's record
 * batches back together and calls the dialog's handlers; `cancel` stops the job at once (the
 * worker is terminated) and nothing it sends afterwards arrives. Nothing is written here.
 */
import { describeFailure, UNEXPECTED_FAILURE } from '../../db/errors';
import type { Restored } from '../../domain/files';
import type { Plan, TableName } from '../../domain/model';
import { nextTask } from '../../domain/tasks';
import type { ImportPhase, ImportReply, ImportRequest } from './import-protocol';

export interface RunHandlers {
  progress: (phase: ImportPhase, done: number, total: number) => void;
  passphrase: (error?: string) => void;
  refused: (errors: string[]) => void;
  restored: (restored: Restored) => void;
}

export interface ImportRun {
  /** Send the passphrase of the encrypted backup being imported. */
  passphrase: (passphrase: string) => void;
  /** Stop the job; nothing more arrives. */
  cancel: () => void;
  /** Where the job runs (the main thread where there are no workers, or the worker failed to start). */
  where: () => 'worker' | 'main';
}

export type OpenRequest = Omit<Extract<ImportRequest, { type: 'open' }>, 'type'>;

class Cancelled extends Error {}

/** Reassembles the job's replies into handler calls. */
function receiver(on: RunHandlers) {
  let tables: Partial<Record<TableName, unknown[]>> = {};
  return (reply: ImportReply) => {
    switch (reply.type) {
      case 'progress':
        return on.progress(reply.phase, reply.done, reply.total);
      case 'passphrase':
        return on.passphrase(reply.error);
      case 'refused':
        tables = {};
        return on.refused(reply.errors);
      case 'records': {
        const list = (tables[reply.table] ??= []);
        for (const r of reply.records) list.push(r);
        return;
      }
      case 'unavailable':
        return on.refused([`The file could not be read. ${UNEXPECTED_FAILURE}`]);
      case 'restored': {
        const plan = Object.fromEntries(
          Object.keys(reply.restored.plan).map((t) => [t, tables[t as TableName] ?? []]),
        ) as unknown as Plan;
        tables = {};
        return on.restored({ ...reply.restored, plan });
      }
    }
  };
}

/** Start importing `request.file` (or `request.text`). `options.worker: false` forces the main thread. */
export function startImport(request: OpenRequest, on: RunHandlers, options: { worker?: boolean } = {}): ImportRun {
  let cancelled = false;
  const useWorker = options.worker !== false && typeof Worker !== 'undefined';
  let where: 'worker' | 'main' = useWorker ? 'worker' : 'main';
  let worker: Worker | undefined;
  const open: ImportRequest = { type: 'open', ...request };
  let send: ((request: ImportRequest) => void) | undefined;
  let queue: ImportRequest[] = [open];
  const ready = (to: (request: ImportRequest) => void) => {
    send = to;
    if (!cancelled) queue.splice(0).forEach(to);
  };
  const receive = receiver(on);
  const deliver = (reply: ImportReply) => {
    if (!cancelled) receive(reply);
  };

  const onMain = async () => {
    where = 'main';
    send = undefined;
    const core = await import('./import-core');
    const handle = core.createImportJob(deliver, {
      pause: async () => {
        await nextTask();
        if (cancelled) throw new Cancelled();
      },
    });
    const run = (r: ImportRequest) =>
      void handle(r).catch((err: unknown) => {
        if (!(err instanceof Cancelled)) deliver({ type: 'refused', errors: [String(err)] });
      });
    ready(run);
  };

  const inWorker = async () => {
    const core = await import('./import-core');
    if (cancelled) return;
    worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'summitry-import' });
    where = 'worker';
    let answered = false;
    // A worker that cannot load the job hands over to the main thread, before it has answered.
    const handOver = () => {
      worker?.terminate();
      worker = undefined;
      queue = [open];
      void onMain();
    };
    worker.onmessage = (e: MessageEvent<ImportReply>) => {
      if (e.data.type === 'unavailable') return handOver();
      answered = true;
      deliver(e.data);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      if (!answered) return handOver();
      worker?.terminate();
      worker = undefined;
      // The worker's own message is a program's ("Uncaught TypeError: …"): never shown.
      deliver({ type: 'refused', errors: [`The import stopped before the file was read. ${UNEXPECTED_FAILURE}`] });
    };
    worker.postMessage({ type: 'load', url: core.CORE_URL });
    ready((r) => worker?.postMessage(r));
  };

  void (useWorker ? inWorker() : onMain()).catch((err: unknown) =>
    deliver({ type: 'refused', errors: [`The file could not be read. ${describeFailure(err)}`] }),
  );

  return {
    passphrase: (passphrase) => {
      const r: ImportRequest = { type: 'passphrase', passphrase };
      if (send) send(r);
      else queue.push(r);
    },
    cancel: () => {
      cancelled = true;
      worker?.terminate();
      worker = undefined;
    },
    where: () => where,
  };
}
