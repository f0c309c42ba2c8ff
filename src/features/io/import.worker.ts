/**
 * The import worker: a small shell that imports the import job (import-core.ts) by the URL the
 * page sends first, so the job's code is the app's own chunks, fetched once and cached (and
 * precached for offline use), not a second bundle. Requests that arrive while it loads wait.
 */
import type { ImportReply, ImportRequest } from './import-protocol';

type Handle = (request: ImportRequest) => Promise<void>;
interface Core {
  createImportJob: (post: (reply: ImportReply) => void) => Handle;
}

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ImportRequest | { type: 'load'; url: string }>) => void) | null;
  postMessage: (reply: ImportReply) => void;
};
let job: Promise<Handle> | undefined;

scope.onmessage = (e) => {
  const message = e.data;
  if (message.type === 'load') {
    job = (import(/* @vite-ignore */ message.url) as Promise<Core>).then(
      (core) => core.createImportJob((reply) => scope.postMessage(reply)),
      (err: unknown) => {
        scope.postMessage({ type: 'unavailable', error: String(err) });
        return () => Promise.resolve();
      },
    );
    return;
  }
  if (!job) throw new Error('The import worker was not loaded.');
  void job.then((handle) => handle(message));
};
