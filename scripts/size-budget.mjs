// Size budgets for the production build: prints the gzip size of the initial JS (what index.html
// loads, with its static imports) and of all JS, and fails when a budget is exceeded.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const INITIAL_BUDGET_KB = 250;
const TOTAL_BUDGET_KB = 450;
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
const initial = [...seen].reduce((s, f) => s + gz(f), 0);
const total = all.reduce((s, f) => s + gz(f), 0);
console.log(`initial_js_gzip_kb=${initial.toFixed(1)} budget=${INITIAL_BUDGET_KB} files=${seen.size}`);
console.log(`all_js_gzip_kb=${total.toFixed(1)} budget=${TOTAL_BUDGET_KB} files=${all.length}`);
if (initial > INITIAL_BUDGET_KB || total > TOTAL_BUDGET_KB) {
  console.error('Size budget exceeded.');
  process.exit(1);
}
