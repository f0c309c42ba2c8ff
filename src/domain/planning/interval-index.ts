/**
 * Intervals sorted by start with a running maximum of their ends: "does anything overlap
 * [a, b)?" is one binary search. Also nearest-before/after queries for reasons.
 */
export class IntervalIndex<T extends { start: number; end: number }> {
  private readonly byStart: T[];
  private readonly starts: number[];
  private readonly maxEndIdx: number[];
  private readonly byEnd: T[];
  private readonly ends: number[];

  constructor(items: readonly T[]) {
    this.byStart = [...items].sort((x, y) => x.start - y.start);
    this.starts = this.byStart.map((x) => x.start);
    this.maxEndIdx = [];
    let best = -1;
    for (let i = 0; i < this.byStart.length; i++) {
      if (best < 0 || this.byStart[i]!.end > this.byStart[best]!.end) best = i;
      this.maxEndIdx.push(best);
    }
    this.byEnd = [...items].sort((x, y) => x.end - y.end);
    this.ends = this.byEnd.map((x) => x.end);
  }

  get size(): number {
    return this.byStart.length;
  }

  /** An item overlapping [a, b) (the one reaching furthest), or undefined. */
  overlapping(a: number, b: number): T | undefined {
    const k = lowerBound(this.starts, b);
    if (k === 0) return undefined;
    const item = this.byStart[this.maxEndIdx[k - 1]!]!;
    return item.end > a ? item : undefined;
  }

  /** Up to `n` items ending at or before `t`, latest end first, ending after `since`. */
  endingBefore(t: number, n: number, since = -Infinity): T[] {
    const out: T[] = [];
    for (let i = upperBound(this.ends, t) - 1; i >= 0 && out.length < n && this.ends[i]! > since; i--)
      out.push(this.byEnd[i]!);
    return out;
  }

  /** Up to `n` items starting at or after `t`, earliest first, starting before `until`. */
  startingAfter(t: number, n: number, until = Infinity): T[] {
    const out: T[] = [];
    for (let i = lowerBound(this.starts, t); i < this.starts.length && out.length < n && this.starts[i]! < until; i++)
      out.push(this.byStart[i]!);
    return out;
  }
}

/** First index with a[i] >= x. */
function lowerBound(a: readonly number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index with a[i] > x. */
function upperBound(a: readonly number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
