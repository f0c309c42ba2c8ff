// `npm run bench`: runs every scripts/bench/*.bench.mts in turn; each prints its own figures.
// Benchmarks are not tests: they print numbers and fail only if they cannot run.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const only = process.argv[2];
const files = readdirSync('scripts/bench')
  .filter((f) => f.endsWith('.bench.mts'))
  .filter((f) => !only || f.includes(only))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`\n== ${file}`);
  const r = spawnSync('npx', ['tsx', `scripts/bench/${file}`], { stdio: 'inherit' });
  if (r.status !== 0) failed += 1;
}
if (failed) process.exit(1);
