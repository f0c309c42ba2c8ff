/** The gazetteer asset's URL (scripts/gazetteer/build.mjs, a Vite plugin). */
declare module 'virtual:gazetteer-url' {
  const url: string;
  export default url;
}
