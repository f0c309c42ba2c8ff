/**
 * What the sync session makes of the server's "stored" messages. With several server processes,
 * each tells its clients (through Redis) what it stored, and an older process's word can arrive
 * after a newer one's: what the session counts as saved must not go back.
 */
import { afterEach, expect, test } from 'vitest';
import * as Y from 'yjs';
import { SyncSession, generateMemberKeys, toB64u, unionOf } from '../../../src/sync/protocol';

const sessions: SyncSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.destroy();
});

/** A socket that never connects and never fails: the session waits for its server for ever. */
class SilentSocket {
  readyState = 0;
  binaryType = 'arraybuffer';
  onopen = null;
  onclose = null;
  onerror = null;
  onmessage = null;
  constructor(readonly url: string) {}
  addEventListener(): void {}
  removeEventListener(): void {}
  send(): void {}
  close(): void {}
}

/** A session whose server never answers. */
async function offlineSession(doc: Y.Doc): Promise<SyncSession> {
  const session = new SyncSession({
    url: 'ws://127.0.0.1:9',
    planId: 'plan-stored-test',
    keys: await generateMemberKeys(),
    doc,
    WebSocketPolyfill: SilentSocket,
  });
  sessions.push(session);
  return session;
}

/** A server's "stored" message for a state vector. */
function stored(session: SyncSession, vector: Map<number, number>): void {
  const payload = JSON.stringify({ type: 'stored', stateVector: toB64u(Y.encodeStateVector(vector)) });
  session.provider.configuration.onStateless({ payload });
}

const asMap = (v: Uint8Array | null) => (v ? Object.fromEntries(Y.decodeStateVector(v)) : null);

test('a state vector union takes the higher clock of each client', () => {
  const a = Y.encodeStateVector(
    new Map([
      [1, 5],
      [2, 1],
    ]),
  );
  const b = Y.encodeStateVector(
    new Map([
      [2, 4],
      [3, 7],
    ]),
  );
  expect(asMap(unionOf(a, b))).toEqual({ 1: 5, 2: 4, 3: 7 });
  expect(asMap(unionOf(b, a))).toEqual({ 1: 5, 2: 4, 3: 7 });
});

test('an older “stored” arriving after a newer one does not take back what was saved', async () => {
  const doc = new Y.Doc();
  doc.getMap('m').set('k', 'v');
  const mine = doc.clientID;
  const session = await offlineSession(doc);
  let notified = 0;
  session.subscribe(() => notified++);

  // Process B stored this client's change; process A's message, sent before, comes after.
  stored(session, new Map([[mine, 1]]));
  expect(notified).toBeGreaterThan(0);
  expect(session.isSaved()).toBe(true);
  stored(session, new Map([[42, 3]]));
  expect(asMap(session.storedStateVector)).toEqual({ [mine]: 1, 42: 3 });
  expect(session.isSaved()).toBe(true);

  // A new change is not saved until a process says so.
  doc.getMap('m').set('k', 'w');
  expect(session.isSaved()).toBe(false);
  stored(session, new Map([[mine, 2]]));
  expect(session.isSaved()).toBe(true);
});
