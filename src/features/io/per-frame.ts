/**
 * Progress that arrives faster than the screen can show it: `push` keeps only the latest values,
 * and `apply` gets them at most once per animation frame, so a large import re-renders its
 * progress bar a few times instead of once per chunk.
 */
export interface PerFrame<A extends unknown[]> {
  push: (...args: A) => void;
  /** Drop anything not yet applied (the dialog is closing). */
  cancel: () => void;
}

export function latestPerFrame<A extends unknown[]>(apply: (...args: A) => void): PerFrame<A> {
  let pending: A | null = null;
  let frame: number | null = null;
  const flush = () => {
    frame = null;
    const args = pending;
    pending = null;
    if (args) apply(...args);
  };
  return {
    push: (...args) => {
      pending = args;
      frame ??= requestAnimationFrame(flush);
    },
    cancel: () => {
      if (frame !== null) cancelAnimationFrame(frame);
      frame = null;
      pending = null;
    },
  };
}
