/**
 * One analysis per plan version, shared by every consumer (header badge, calendar markers, route,
 * conflicts view, what-if). A plan object is one version: the plan feed hands the same object to
 * every view until something changes, so caching by object identity runs the engine once per
 * version and per "Include optional legs" setting, however many views are mounted. The feed also
 * tells which version follows which (`sharedNextVersion`): the next one is then recompiled and
 * rechecked from the previous one (only what the edit touched), not from scratch.
 */
import type { Plan } from '../model';
import { usesHour12 } from '../time';
import { analyzeCompiled, analyzeSteps, type Analysis, type CompiledPlan } from './engine';
import { compileSteps, indexFor } from './nodes';
import { recheckAnalysis } from './recheck';
import { patchPlan, type PlanDiff } from './recompile';
import type { Conflict, FindOptions } from './types';
import { runToEnd } from './steps';

type ConflictFinder = (plan: Plan, options: FindOptions) => Conflict[];

interface Entry {
  compiled?: CompiledPlan;
  runs: Map<string, Analysis>;
  /** The previous version's entry, until this one is compiled from it. */
  from?: Entry;
  /** What changed since the previous version, and its runs: for rechecks instead of full runs. */
  diff?: PlanDiff;
  fromRuns?: Map<string, Analysis>;
}

const cache = new WeakMap<Plan, Entry>();

function entryFor(plan: Plan): Entry {
  let entry = cache.get(plan);
  if (!entry) {
    entry = { runs: new Map() };
    cache.set(plan, entry);
  }
  return entry;
}

/** One run per setting, and per clock: explanations, once read, keep the times they were written with. */
function keyOf(includeOptional: FindOptions['includeOptional']): string {
  const clock = usesHour12() ? '12h' : '24h';
  return typeof includeOptional === 'boolean'
    ? `${clock}:${includeOptional}`
    : `${clock}:ids:${[...includeOptional].sort().join(',')}`;
}

/**
 * `next` is the version of the plan that followed `prev` in the database (the plan feed says so;
 * every stored record carries its revision, so unchanged records are known as such). Versions
 * linked this way are compiled and analysed incrementally; any other plan afresh.
 */
export function sharedNextVersion(prev: Plan, next: Plan): void {
  if (prev === next) return;
  const before = cache.get(prev);
  if (!before?.compiled) return;
  const entry = entryFor(next);
  if (entry.compiled) return;
  entry.from = before;
  // Keep at most one version back.
  before.from = undefined;
  before.diff = undefined;
  before.fromRuns = undefined;
}

/** The plan compiled once per version (from the previous version when linked). */
export function sharedCompiled(plan: Plan): CompiledPlan {
  return runToEnd(sharedCompileSteps(plan));
}

/**
 * `sharedCompiled` in steps (see `compileSteps`), for a caller that gives the page a turn between
 * them; a version linked to the one before is patched from it in one step when few of its items
 * changed (it is quick), and compiled afresh in steps otherwise.
 */
export function* sharedCompileSteps(plan: Plan): Generator<void, CompiledPlan> {
  const entry = entryFor(plan);
  if (!entry.compiled) {
    const from = entry.from;
    const patched = from?.compiled ? patchPlan(from.compiled, plan) : null;
    if (patched) {
      entry.from = undefined;
      entry.compiled = patched.compiled;
      entry.diff = patched.diff;
      entry.fromRuns = from!.runs;
    } else {
      const compiled = yield* compileSteps(plan);
      // Another caller may have compiled this version while these steps paused.
      entry.compiled ??= compiled;
      entry.from = undefined;
    }
  }
  return entry.compiled;
}

/** Every rule over this plan version (default settings, no scenario), run at most once per setting. */
export function sharedAnalysis(plan: Plan, includeOptional: FindOptions['includeOptional']): Analysis {
  return runToEnd(sharedAnalysisSteps(plan, includeOptional));
}

/**
 * `sharedAnalysis` in steps: the compile's (`sharedCompileSteps`), then a pause, then the rules'
 * (`analyzeSteps`). A recheck from the version before is one step (it is quick).
 */
export function* sharedAnalysisSteps(
  plan: Plan,
  includeOptional: FindOptions['includeOptional'],
): Generator<void, Analysis> {
  const entry = entryFor(plan);
  const key = keyOf(includeOptional);
  const done = entry.runs.get(key);
  if (done) return done;
  const compiled = yield* sharedCompileSteps(plan);
  const before = entry.fromRuns?.get(key);
  let analysis: Analysis;
  if (entry.diff && before) analysis = recheckAnalysis(before, compiled, entry.diff, { includeOptional });
  else {
    yield;
    const index = indexFor(compiled, { includeOptional });
    yield;
    analysis = yield* analyzeSteps(index);
  }
  // Another caller may have run it while these steps paused: the first one stays.
  const first = entry.runs.get(key) ?? analysis;
  entry.runs.set(key, first);
  return first;
}

/**
 * A finder for what-if and scenarios that takes plain runs (no scenario, settings or rule list)
 * from the shared analysis and compiles the plan at most once for the rest.
 */
export const sharedFinder: ConflictFinder = (plan, options) => {
  if (!options.scenario && !options.settings && !options.rules)
    return sharedAnalysis(plan, options.includeOptional).conflicts;
  return analyzeCompiled(sharedCompiled(plan), options).conflicts;
};
