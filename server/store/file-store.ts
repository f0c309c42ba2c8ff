/**
 * The embedded store: one directory, two files per plan (`<plan>.ydoc`, `<plan>.meta.json`), each
 * replaced atomically (write a temporary file, fsync, rename, fsync the directory), so a kill at
 * any moment leaves either the old or the new file. A lock file per plan (O_EXCL) serialises the
 * read-merge-write of processes sharing the directory.
 */
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import * as Y from 'yjs';
import type { Claim, Signed } from '../../src/sync/protocol';
import { EMPTY_META, type PlanMeta, type PlanStore } from './types';

const STALE_LOCK_MS = 10_000;

async function writeAtomic(dir: string, file: string, data: Uint8Array | string): Promise<void> {
  const tmp = join(dir, `.${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  const handle = await open(tmp, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, join(dir, file));
  const dirHandle = await open(dir, 'r');
  try {
    await dirHandle.sync();
  } finally {
    await dirHandle.close();
  }
}

async function readOrNull(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export class FileStore implements PlanStore {
  private readonly queues = new Map<string, Promise<unknown>>();

  private constructor(readonly dir: string) {}

  static async open(dir: string): Promise<FileStore> {
    await mkdir(dir, { recursive: true });
    return new FileStore(dir);
  }

  /** Runs `task` alone for this plan: in this process (a queue) and across processes (a lock file). */
  private exclusive<T>(name: string, task: () => Promise<T>): Promise<T> {
    const run = async () => {
      const lock = join(this.dir, `.${name}.lock`);
      for (;;) {
        try {
          await (await open(lock, 'wx')).close();
          break;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
          const age = await stat(lock).then(
            (s) => Date.now() - s.mtimeMs,
            () => 0,
          );
          if (age > STALE_LOCK_MS) await rm(lock, { force: true });
          else await new Promise((r) => setTimeout(r, 5));
        }
      }
      try {
        return await task();
      } finally {
        await rm(lock, { force: true });
      }
    };
    const previous = this.queues.get(name) ?? Promise.resolve();
    const result = previous.then(run, run);
    this.queues.set(
      name,
      result.catch(() => undefined),
    );
    return result;
  }

  async loadDocument(name: string): Promise<Uint8Array | null> {
    const data = await readOrNull(join(this.dir, `${name}.ydoc`));
    return data ? new Uint8Array(data) : null;
  }

  storeDocument(name: string, state: Uint8Array): Promise<void> {
    return this.exclusive(name, async () => {
      const stored = await this.loadDocument(name);
      await writeAtomic(this.dir, `${name}.ydoc`, stored ? Y.mergeUpdates([stored, state]) : state);
    });
  }

  async loadMeta(name: string): Promise<PlanMeta> {
    const data = await readOrNull(join(this.dir, `${name}.meta.json`));
    return data ? (JSON.parse(data.toString('utf8')) as PlanMeta) : { ...EMPTY_META, claims: [] };
  }

  private updateMeta(name: string, change: (meta: PlanMeta) => boolean): Promise<boolean> {
    return this.exclusive(name, async () => {
      const meta = await this.loadMeta(name);
      if (!change(meta)) return false;
      await writeAtomic(this.dir, `${name}.meta.json`, JSON.stringify(meta));
      return true;
    });
  }

  storeMembership(name: string, membership: Signed, version: number): Promise<boolean> {
    return this.updateMeta(name, (meta) => {
      if (version <= meta.version) return false;
      meta.membership = membership;
      meta.version = version;
      return true;
    });
  }

  addClaim(name: string, inviteId: string, claim: Claim): Promise<boolean> {
    return this.updateMeta(name, (meta) => {
      if (meta.claims.some((c) => c.inviteId === inviteId)) return false;
      meta.claims.push({ inviteId, claim });
      return true;
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.queues.values());
  }
}
