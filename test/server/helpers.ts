/** Real sync server processes for the server tests, and clients that talk to them from Node. */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import {
  type Claim,
  type Keyring,
  type MemberKeys,
  type Signed,
  SyncSession,
  generateMemberKeys,
} from '../../src/sync/protocol';

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  output: () => string;
  /** Resolves when the process has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `summitry-${prefix}-`));
}

export function startServer(options: {
  dataDir: string;
  port?: number;
  redisUrl?: string;
  postgresUrl?: string;
}): Promise<ServerProcess> {
  const args = ['--import', 'tsx', 'server/main.ts', '--port', String(options.port ?? 0), '--data', options.dataDir];
  if (options.redisUrl) args.push('--redis', options.redisUrl);
  if (options.postgresUrl) args.push('--postgres', options.postgresUrl);
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      const match = /listening on (ws:\/\/[\d.]+:(\d+))/.exec(text);
      if (match)
        resolve({
          url: match[1]!,
          port: Number(match[2]),
          child,
          output: () => text,
          stop: async (signal = 'SIGTERM') => {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            await exited;
          },
        });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`The sync server exited (${code}) before listening:\n${text}`)));
  });
}

export function session(
  url: string,
  planId: string,
  keys: MemberKeys,
  extra: { membership?: Signed; claim?: Claim; keyring?: Keyring; invite?: MemberKeys } = {},
): SyncSession {
  return new SyncSession({ url, planId, keys, WebSocketPolyfill: WebSocket, ...extra });
}

export async function newKeys(): Promise<MemberKeys> {
  return generateMemberKeys();
}

/**
 * Every byte the store wrote, as Latin-1 text (so a search for plain text finds it if it is
 * there). A file gone between listing and reading (a lock the server just released) is passed over.
 */
export async function storedBytes(dir: string): Promise<string> {
  let all = '';
  for (const name of await readdir(dir)) {
    try {
      all += (await readFile(join(dir, name))).toString('latin1');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  return all;
}
