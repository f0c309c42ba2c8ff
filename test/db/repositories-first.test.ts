import { describe, expect, it } from 'vitest';
import { freshDb } from '../helpers/fresh-db';
import { makeEvent, makeLeg, makeWindow } from '../helpers/factories';

describe('first item from an instant', () => {
  it('finds the event, leg or window starting first at or after the instant', async () => {
    const { repos } = freshDb();
    await repos.events.putMany([
      makeEvent({ id: 'a' as never, startsAt: '2025-10-01T00:00:00.000Z', endsAt: '2025-10-01T01:00:00.000Z' }),
      makeEvent({ id: 'b' as never, startsAt: '2025-10-03T00:00:00.000Z', endsAt: '2025-10-03T01:00:00.000Z' }),
      makeEvent({ id: 'c' as never, startsAt: '2025-10-02T00:00:00.000Z', endsAt: '2025-10-02T01:00:00.000Z' }),
    ]);
    await repos.legs.put(
      makeLeg({ id: 'l' as never, departsAt: '2025-10-02T12:00:00.000Z', arrivesAt: '2025-10-02T13:00:00.000Z' }),
    );
    await repos.windows.put(makeWindow('2025-10-05', '2025-10-06', 'UTC', { id: 'w' as never }));
    expect((await repos.events.firstStartingFrom('2025-10-01T00:00:01.000Z'))?.id).toBe('c');
    expect((await repos.events.firstStartingFrom('2025-10-02T00:00:00.000Z'))?.id).toBe('c');
    expect(await repos.events.firstStartingFrom('2025-10-04T00:00:00.000Z')).toBeUndefined();
    expect((await repos.legs.firstDepartingFrom('2025-10-01T00:00:00.000Z'))?.id).toBe('l');
    expect((await repos.windows.firstStartingFrom('2025-10-01T00:00:00.000Z'))?.id).toBe('w');
  });
});
