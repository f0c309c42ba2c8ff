import { afterEach, describe, expect, it, vi } from 'vitest';
import { latestPerFrame } from '../../../src/features/io/per-frame';

/** Animation frames run only when the test says so. */
function manualFrames() {
  const queued = new Map<number, FrameRequestCallback>();
  let next = 1;
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => {
    queued.set(next, cb);
    return next++;
  });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => queued.delete(id));
  return {
    pending: () => queued.size,
    run: () => {
      const callbacks = [...queued.values()];
      queued.clear();
      callbacks.forEach((cb) => cb(0));
    },
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('latestPerFrame', () => {
  it('applies only the latest values, once per frame', () => {
    const frames = manualFrames();
    const applied: [number, number][] = [];
    const progress = latestPerFrame((written: number, total: number) => applied.push([written, total]));
    progress.push(1000, 5000);
    progress.push(2000, 5000);
    progress.push(3000, 5000);
    expect(applied).toEqual([]);
    expect(frames.pending()).toBe(1);
    frames.run();
    expect(applied).toEqual([[3000, 5000]]);
    progress.push(5000, 5000);
    frames.run();
    expect(applied).toEqual([
      [3000, 5000],
      [5000, 5000],
    ]);
    frames.run();
    expect(applied).toHaveLength(2);
  });

  it('applies nothing after cancel', () => {
    const frames = manualFrames();
    const apply = vi.fn();
    const progress = latestPerFrame(apply);
    progress.push(1, 2);
    progress.cancel();
    expect(frames.pending()).toBe(0);
    frames.run();
    expect(apply).not.toHaveBeenCalled();
  });
});
