/**
 * Presence (who has the plan open) across a dropped connection, against a real server: a member
 * who reconnects sees the others at once, from the server's first message, instead of waiting
 * for each of them to renew their presence.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { SyncSession } from '../../src/sync/protocol';
import { type ServerProcess, startServer, tempDir } from './helpers';
import { invite, join, sharePlan } from './plans';

let server: ServerProcess;
const sessions: SyncSession[] = [];
const track = <T extends SyncSession>(s: T) => (sessions.push(s), s);

beforeAll(async () => {
  server = await startServer({ dataDir: await tempDir('presence') });
});
afterAll(async () => {
  for (const s of sessions) s.destroy();
  await server.stop();
});

type Awareness = NonNullable<SyncSession['provider']['awareness']>;

/** Resolves once `ok()` holds, checked on every presence change `awareness` sees. */
function whenPresence(awareness: Awareness, ok: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (!ok()) return;
      awareness.off('change', check);
      resolve();
    };
    awareness.on('change', check);
    check();
  });
}

test('after its connection drops, a member sees who is here from the server at once, without their renewals', async () => {
  const shared = await sharePlan(server.url);
  const owner = track(shared.owner);
  const { member } = await join(server.url, await invite(shared, 'editor'));
  track(member);
  const ownerSees = owner.provider.awareness!;
  const memberState = member.provider.awareness!;
  const memberClient = memberState.clientID;
  const present = () => ownerSees.getStates().get(memberClient)?.m === 'member';

  memberState.setLocalStateField('m', 'member');
  await whenPresence(ownerSees, present);
  // From here the member sends nothing more: no renewal can bring its presence back. (The server
  // keeps a state 30 s after its last renewal, the one just sent.)
  clearInterval(memberState._checkInterval);
  const clock = memberState.meta.get(memberClient)!.clock;

  await owner.disconnect();
  expect(present()).toBe(false);
  void owner.connect();
  await whenPresence(ownerSees, present);
  expect(ownerSees.meta.get(memberClient)!.clock).toBe(clock);
});
