/**
 * Giving the page (or the process) a turn between slices of long work. `inNextTask(fn)` runs `fn`
 * in a task of its own, after what is queued now:
 * - with `scheduler.postTask` where there is one (Chromium, Firefox);
 * - in a browser without it (Safari), with a message to itself, which hidden-tab timer
 *   throttling does not slow, nor the 4 ms a browser adds to each timeout nested five deep (a
 *   30-step analysis would wait 100 ms more in timeouts alone);
 * - elsewhere (Node: the sync server, the tests), with a timeout. Node runs up to a thousand
 *   messages a port has queued in one go, a message posted by one of them included, so that
 *   timers and I/O wait: no turn at all.
 */

type PostTask = (fn: () => void) => Promise<unknown>;

interface Platform {
  scheduler?: { postTask?: PostTask };
  MessageChannel?: unknown;
  process?: { versions?: { node?: string } };
}

/** How `inNextTask` runs a callback on `platform` (see above). */
export function runnerFor(platform: Platform): 'postTask' | 'message' | 'timeout' {
  if (typeof platform.scheduler?.postTask === 'function') return 'postTask';
  if (typeof platform.MessageChannel === 'function' && platform.process?.versions?.node === undefined) return 'message';
  return 'timeout';
}

let channel: MessageChannel | undefined;
const waiting: (() => void)[] = [];

/** Run `fn` on a message this realm posts to itself (in order, one task each in a browser). */
export function viaMessage(fn: () => void): void {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
    // In Node (tests), a port with a listener would keep the process alive.
    (channel.port1 as { unref?: () => void }).unref?.();
  }
  waiting.push(fn);
  channel.port2.postMessage(null);
}

/** Run `fn` in a task of its own, after what is queued now (see above). */
export function inNextTask(fn: () => void): void {
  const runner = runnerFor(globalThis as Platform);
  if (runner === 'postTask') {
    const scheduler = (globalThis as Platform).scheduler!;
    void scheduler.postTask!.call(scheduler, fn);
  } else if (runner === 'message') viaMessage(fn);
  else setTimeout(fn, 0);
}

/** A promise settled in a task of its own (see `inNextTask`): `await nextTask()` between slices. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => inNextTask(resolve));
}
