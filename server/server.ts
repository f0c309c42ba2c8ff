/** The Summitry sync server: Hocuspocus with signed membership, an on-disk or Postgres store, and optional Redis. */
import { Redis } from '@hocuspocus/extension-redis';
import { type Extension, Server } from '@hocuspocus/server';
import { Access } from './access';
import { Persistence } from './persistence';
import { FileStore } from './store/file-store';
import { PostgresStore } from './store/postgres-store';
import type { PlanStore } from './store/types';

export interface SyncServerOptions {
  host: string;
  port: number;
  /** The embedded store's directory (used when no Postgres URL is given). */
  dataDir: string;
  postgresUrl?: string;
  redisUrl?: string;
  /** How long after a change the document is stored (ms), and at most (ms). */
  debounceMs?: number;
  maxDebounceMs?: number;
}

export interface SyncServer {
  url: string;
  port: number;
  store: PlanStore;
  stop(): Promise<void>;
}

export async function openStore(options: SyncServerOptions): Promise<PlanStore> {
  return options.postgresUrl ? PostgresStore.open(options.postgresUrl) : FileStore.open(options.dataDir);
}

export async function startSyncServer(options: SyncServerOptions): Promise<SyncServer> {
  const store = await openStore(options);
  const extensions: Extension[] = [new Access(store), new Persistence(store)];
  if (options.redisUrl) {
    const url = new URL(options.redisUrl);
    extensions.push(new Redis({ host: url.hostname, port: Number(url.port || 6379), prefix: 'summitry' }));
  }
  const server = new Server({
    address: options.host,
    port: options.port,
    quiet: true,
    stopOnSignals: false,
    debounce: options.debounceMs ?? 100,
    maxDebounce: options.maxDebounceMs ?? 1000,
    extensions,
  });
  await server.listen();
  const port = server.address.port;
  return {
    url: `ws://${options.host}:${port}`,
    port,
    store,
    async stop() {
      await server.destroy();
      await store.close();
    },
  };
}
