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
import { analyzeCompiled, compilePlan, type Analysis, type CompiledPlan } from './engine';
import { recheckAnalysis } from './recheck';
import { recompilePlan, type PlanDiff } from './recompile';
import type { Conflict, FindOptions } from './types';

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
  const entry = entryFor(plan);
  if (!entry.compiled) {
    const from = entry.from;
    entry.from = undefined;
    if (from?.compiled) {
      const { compiled, diff } = recompilePlan(from.compiled, plan);
      entry.compiled = compiled;
      if (diff) {
        entry.diff = diff;
        entry.fromRuns = from.runs;
      }
    } else entry.compiled = compilePlan(plan);
  }
  return entry.compiled;
}

/** Every rule over this plan version (default settings, no scenario), run at most once per setting. */
export function sharedAnalysis(plan: Plan, includeOptional: FindOptions['includeOptional']): Analysis {
  const entry = entryFor(plan);
  const key = keyOf(includeOptional);
  let analysis = entry.runs.get(key);
  if (!analysis) {
    const compiled = sharedCompiled(plan);
    const before = entry.fromRuns?.get(key);
    analysis =
      entry.diff && before
        ? recheckAnalysis(before, compiled, entry.diff, { includeOptional })
        : analyzeCompiled(compiled, { includeOptional });
    entry.runs.set(key, analysis);
  }
  return analysis;
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
