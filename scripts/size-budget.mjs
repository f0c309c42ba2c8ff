// Size budgets for the production build: prints the gzip size of the initial JS (what index.html
// loads, with its static imports), of all code, and of the data chunks that load only when a feature needs them
// (the world map for the Route, VTIMEZONE definitions for a calendar export), and fails when a budget is exceeded.
// Data chunks are found by content, so a renamed chunk cannot slip out of its budget.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const INITIAL_BUDGET_KB = 250;
const TOTAL_BUDGET_KB = 450;
const DATA_BUDGET_KB = 60;
/** Markers of the on-demand data chunks: world-atlas topology, timezones-ical-library's zone table. */
const DATA_MARKERS = ['"type":"Topology"', 'type:`Topology`', 'Africa:{Abidjan:'];
/**
 * The sync client (Yjs, the Hocuspocus provider, the protocol): loaded only for a shared plan,
 * with its own budget (issue #15: at most 60 KB gzip), apart from the app's code.
 */
const SYNC_BUDGET_KB = 60;
const SYNC_MARKERS = ['summitry-membership'];
const dist = 'dist';
const gz = (file) => gzipSync(readFileSync(join(dist, file))).length / 1024;

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const entries = [
  ...html.matchAll(/<script[^>]+src="\/([^"]+\.js)"/g),
  ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+\.js)"/g),
].map((m) => m[1]);
const seen = new Set();
const queue = [...entries];
while (queue.length) {
  const file = queue.pop();
  if (seen.has(file)) continue;
  seen.add(file);
  const code = readFileSync(join(dist, file), 'utf8');
  // Static imports only: `import ... from "./x.js"` and `import "./x.js"` (not import()).
  for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+\.js)["']/g))
    queue.push(join('assets', m[1]));
}
const all = readdirSync(join(dist, 'assets'))
  .filter((f) => f.endsWith('.js'))
  .map((f) => join('assets', f));
const isData = (f) => {
  const code = readFileSync(join(dist, f), 'utf8');
  return DATA_MARKERS.some((m) => code.includes(m));
};
const data = all.filter(isData);
const sync = all.filter(
  (f) => !data.includes(f) && SYNC_MARKERS.some((m) => readFileSync(join(dist, f), 'utf8').includes(m)),
);
const initial = [...seen].reduce((s, f) => s + gz(f), 0);
const total = all.filter((f) => !data.includes(f) && !sync.includes(f)).reduce((s, f) => s + gz(f), 0);
const syncKb = sync.reduce((s, f) => s + gz(f), 0);
const dataKb = data.reduce((s, f) => s + gz(f), 0);
console.log(`initial_js_gzip_kb=${initial.toFixed(1)} budget=${INITIAL_BUDGET_KB} files=${seen.size}`);
console.log(
  `all_code_gzip_kb=${total.toFixed(1)} budget=${TOTAL_BUDGET_KB} files=${all.length - data.length - sync.length}`,
);
console.log(`sync_client_gzip_kb=${syncKb.toFixed(1)} budget=${SYNC_BUDGET_KB} files=${sync.length}`);
console.log(`on_demand_data_gzip_kb=${dataKb.toFixed(1)} budget=${DATA_BUDGET_KB} files=${data.length}`);
if (data.some((f) => seen.has(f))) {
  console.error(`A data chunk is in the initial JS: ${data.filter((f) => seen.has(f)).join(', ')}`);
  process.exit(1);
}
if (sync.some((f) => seen.has(f))) {
  console.error(`The sync client is in the initial JS: ${sync.filter((f) => seen.has(f)).join(', ')}`);
  process.exit(1);
}
if (initial > INITIAL_BUDGET_KB || total > TOTAL_BUDGET_KB || dataKb > DATA_BUDGET_KB || syncKb > SYNC_BUDGET_KB) {
  console.error('Size budget exceeded.');
  process.exit(1);
}
