/**
 * The views' one data layer: one live query for the plan and one for the acceptances, shared by
 * every component that reads them (not one query per component), and one shared analysis on top.
 * Every consumer gets the same plan object for a version, so the engine runs once per version
 * (`sharedAnalysis` caches by that object) however many views and badges are mounted.
 *
 * A new plan version is analysed before the views hear of it, each step in a task of its own:
 * the read (itself in pages, see `rowsOfPlan`), the compile, the analysis the views asked for
 * last, the acceptance states, then the views' render (which finds all of it made). In one task,
 * a 5,000-conflict plan's reload blocked the page for 150 ms, and a 50,000-record one for 400.
 */
import { liveQuery, type Subscription } from 'dexie';
import type { FindOptions } from '../domain/conflicts';
import { useSyncExternalStore } from 'react';
import {
  classifyConflicts,
  sharedAnalysis,
  sharedAnalysisSteps,
  sharedNextVersion,
  type Acceptance,
  type Analysis,
  type ConflictEntry,
} from '../domain/conflicts';
import type { Plan } from '../domain/model';
import { inNextTask } from '../domain/tasks';
import { createAcceptances } from './acceptances';
import { db as defaultDb } from './index';
import { loadPlan } from './repositories';
import type { SummitryDb } from './schema';

/** One live query with any number of subscribers; it runs while at least one is subscribed. */
class Feed<T> {
  /** The value readers see. */
  private value: T | undefined;
  /** The last value read, which may still be being prepared. */
  private latest: T | undefined;
  /** Bumped by each new value, error and unsubscribe: a value being prepared is dropped when it moves. */
  private generation = 0;
  private error: unknown = null;
  private readonly listeners = new Set<() => void>();
  private subscription: Subscription | undefined;

  constructor(
    private readonly query: () => Promise<T>,
    /** Told of each new value after the first, with the one it replaces. */
    private readonly onNext?: (prev: T, next: T) => void,
    /** Work to do on a new value before readers see it: each step (to a yield) in a task of its own. */
    private readonly prepare?: (value: T) => Iterator<void>,
  ) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    this.subscription ??= liveQuery(this.query).subscribe({
      next: (value) => {
        if (this.latest !== undefined && this.onNext) this.onNext(this.latest, value);
        this.latest = value;
        const generation = ++this.generation;
        const current = () => generation === this.generation;
        if (!this.prepare) return this.publish(value);
        const steps = this.prepare(value);
        const next = () => {
          if (!current()) return;
          let done: boolean | undefined = true;
          // A failure here is the readers' to report: they run the same work and meet it.
          try {
            done = steps.next().done;
          } catch {
            /* see above */
          }
          if (!done) return inNextTask(next);
          inNextTask(() => {
            if (current()) this.publish(value);
          });
        };
        inNextTask(next);
      },
      error: (error: unknown) => {
        this.generation += 1;
        this.error = error;
        this.notify();
      },
    });
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size > 0) return;
      this.subscription?.unsubscribe();
      this.subscription = undefined;
      // Like a fresh live query: the next subscriber waits for a fresh read.
      this.generation += 1;
      this.value = undefined;
      this.latest = undefined;
      this.error = null;
    };
  };

  /** The last value read, before readers may see it. */
  peek(): T | undefined {
    return this.latest;
  }

  private publish(value: T) {
    this.value = value;
    this.error = null;
    this.notify();
  }

  readonly getSnapshot = (): T | undefined => {
    if (this.error) throw this.error;
    return this.value;
  };

  private notify() {
    for (const l of [...this.listeners]) l();
  }
}

interface Feeds {
  plan: Feed<Plan>;
  acceptances: Feed<Acceptance[]>;
}

const feeds = new WeakMap<SummitryDb, Feeds>();

/** The setting the views last asked the shared analysis for; a new version is analysed for it. */
let lastAsked: FindOptions['includeOptional'] | undefined;

function feedsFor(db: SummitryDb): Feeds {
  let f = feeds.get(db);
  if (!f) {
    const acceptances = new Feed(() => createAcceptances(db).all());
    f = {
      // Each version linked to the one before: the shared analysis rechecks only what changed.
      plan: new Feed(
        () => loadPlan(db),
        sharedNextVersion,
        function* prepare(plan) {
          const asked = lastAsked;
          if (asked === undefined) return;
          const analysis = yield* sharedAnalysisSteps(plan, asked);
          yield;
          const accepted = acceptances.peek();
          if (accepted) entriesOf(analysis, accepted, plan);
        },
      ),
      acceptances,
    };
    feeds.set(db, f);
  }
  return f;
}

function useFeed<T>(feed: Feed<T>): T | undefined {
  return useSyncExternalStore(feed.subscribe, feed.getSnapshot);
}

/** The whole plan, or `undefined` while loading; the same object for every reader of a version. */
export function usePlanFeed(db: SummitryDb = defaultDb): Plan | undefined {
  return useFeed(feedsFor(db).plan);
}

/** Every acceptance, or `null` while loading; shared like the plan. */
export function useAcceptancesFeed(db: SummitryDb = defaultDb): Acceptance[] | null {
  return useFeed(feedsFor(db).acceptances) ?? null;
}

const classified = new WeakMap<Analysis, WeakMap<Acceptance[], ConflictEntry[]>>();

/** Each conflict with its acceptance state, computed once per analysis and acceptance list. */
function entriesOf(analysis: Analysis, acceptances: Acceptance[], plan: Plan): ConflictEntry[] {
  let byAcceptances = classified.get(analysis);
  if (!byAcceptances) {
    byAcceptances = new WeakMap();
    classified.set(analysis, byAcceptances);
  }
  let entries = byAcceptances.get(acceptances);
  if (!entries) {
    entries = classifyConflicts(analysis.conflicts, acceptances, plan);
    byAcceptances.set(acceptances, entries);
  }
  return entries;
}

export interface SharedConflicts {
  plan: Plan;
  analysis: Analysis;
  /** Every conflict with its acceptance state (open, accepted, reopened), worst and earliest first. */
  entries: ConflictEntry[];
}

/**
 * The engine's result for the open plan as the header toggle has it, shared by every view: one
 * engine run per plan version and setting. `undefined` while the plan or acceptances load.
 */
export function useSharedConflicts(includeOptional: boolean, db: SummitryDb = defaultDb): SharedConflicts | undefined {
  const plan = usePlanFeed(db);
  const acceptances = useAcceptancesFeed(db);
  lastAsked = includeOptional;
  if (!plan || !acceptances) return undefined;
  const analysis = sharedAnalysis(plan, includeOptional);
  return { plan, analysis, entries: entriesOf(analysis, acceptances, plan) };
}
