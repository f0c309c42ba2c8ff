// The sample plan, built when the app is built. Building it means converting every item's local
// times to instants in its zone (luxon), which cost every start 100–200 ms of the main thread on
// a loaded machine before anything rendered, since the sample's modules built it as they loaded.
// The app imports `virtual:sample-plan` (src/db/sample-data.ts) only when it seeds, resets or
// opens the sample: the plan as JSON text, the very plan `buildSamplePlan` returns
// (test/db/sample-data.test.ts). The builders are TypeScript: tsx loads them when the module is
// asked for, not when the config loads.
import { tsImport } from 'tsx/esm/api';

const ID = 'virtual:sample-plan';
const RESOLVED = `\0${ID}`;

/** @returns {import('vite').Plugin} */
export function samplePlanPlugin() {
  return {
    name: 'summitry-sample-plan',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined;
      const { buildSamplePlan, SAMPLE_PLAN_NAME } = await tsImport('../../src/domain/sample/index.ts', import.meta.url);
      const text = JSON.stringify(buildSamplePlan());
      return `export const name = ${JSON.stringify(SAMPLE_PLAN_NAME)};\nexport const planJson = ${JSON.stringify(text)};\n`;
    },
  };
}
