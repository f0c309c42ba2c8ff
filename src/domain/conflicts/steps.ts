/** Stepped computations: generators that pause (yield) where a caller may give the page a turn. */

/** Run `steps` to its end, without pausing, and return its result. */
export function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
