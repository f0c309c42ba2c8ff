/** The gazetteer asset's URL (scripts/gazetteer/build.mjs, a Vite plugin). */
declare module 'virtual:gazetteer-url' {
  const url: string;
  export default url;
}

/** The sample plan, built when the app is built (scripts/sample/plugin.mjs); read by src/db/sample-data.ts. */
declare module 'virtual:sample-plan' {
  /** The sample plan's name. */
  export const name: string;
  /** The sample plan as JSON text: `buildSamplePlan()` at build time. */
  export const planJson: string;
}
