/**
 * One analysis per plan version, shared by every consumer (header badge, calendar markers, route,
 * conflicts view, what-if). A plan object is one version: the plan feed hands the same object to
 * every view until something changes, so caching by object identity runs the engine once per
 * version and per "Include optional legs" setting, however many views are mounted.
 */
import type { Plan } from '../model';
import { usesHour12 } from '../time';
import { analyzeCompiled, compilePlan, type Analysis, type CompiledPlan } from './engine';
import type { Conflict, FindOptions } from './types';

type ConflictFinder = (plan: Plan, options: FindOptions) => Conflict[];

interface Entry {
  compiled?: CompiledPlan;
  runs: Map<string, Analysis>;
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

/** The plan compiled once per version. */
export function sharedCompiled(plan: Plan): CompiledPlan {
  const entry = entryFor(plan);
  entry.compiled ??= compilePlan(plan);
  return entry.compiled;
}

/** Every rule over this plan version (default settings, no scenario), run at most once per setting. */
export function sharedAnalysis(plan: Plan, includeOptional: FindOptions['includeOptional']): Analysis {
  const entry = entryFor(plan);
  const key = keyOf(includeOptional);
  let analysis = entry.runs.get(key);
  if (!analysis) {
    analysis = analyzeCompiled(sharedCompiled(plan), { includeOptional });
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
