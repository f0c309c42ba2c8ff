import { afterEach, describe, expect, it, vi } from 'vitest';
import { inNextTask, nextTask, runnerFor, viaMessage } from '../../src/domain/tasks';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const node = { versions: { node: '20.20.2' } };

/**
 * Callbacks given to `run` (one of them giving another from its own task) run after the current
 * microtasks, in the order given; `meanwhile` is checked before any has run.
 */
async function expectLaterInOrder(run: (fn: () => void) => void, meanwhile?: () => void): Promise<void> {
  const seen: string[] = [];
  run(() => seen.push('a'));
  run(() => {
    seen.push('b');
    run(() => seen.push('d'));
  });
  run(() => seen.push('c'));
  await Promise.resolve();
  expect(seen).toEqual([]);
  meanwhile?.();
  await vi.waitFor(() => expect(seen).toEqual(['a', 'b', 'c', 'd']));
}

describe('the next task', () => {
  it('is postTask where there is one, a message in a browser without it, a timeout in Node', () => {
    const postTask = () => Promise.resolve();
    expect(runnerFor({ scheduler: { postTask }, MessageChannel, process: node })).toBe('postTask');
    expect(runnerFor({ scheduler: { postTask } })).toBe('postTask');
    // Safari: no postTask, a MessageChannel, no Node.
    expect(runnerFor({ MessageChannel })).toBe('message');
    expect(runnerFor({ scheduler: {}, MessageChannel })).toBe('message');
    // Node runs a port's queued messages in one go, so a message is no turn there.
    expect(runnerFor({ MessageChannel, process: node })).toBe('timeout');
    expect(runnerFor({})).toBe('timeout');
  });

  it('in Node runs each callback later, by timeout, in the order given', async () => {
    const timeout = vi.spyOn(globalThis, 'setTimeout');
    await expectLaterInOrder(inNextTask, () => expect(timeout).toHaveBeenCalledWith(expect.any(Function), 0));
  });

  it('by message, runs each callback later, in the order given', async () => {
    await expectLaterInOrder(viaMessage);
  });

  it('uses scheduler.postTask where the platform has it', async () => {
    const postTask = vi.fn((fn: () => void) => Promise.resolve().then(fn));
    vi.stubGlobal('scheduler', { postTask });
    await nextTask();
    expect(postTask).toHaveBeenCalledTimes(1);
  });
});
