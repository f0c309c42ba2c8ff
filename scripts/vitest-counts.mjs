// Reads one Vitest JSON report and the run's exit code; prints "PASSED FAILED" for
// scripts/test-all.sh. Failed counts every failed test, every skipped or todo test (the project
// allows none), every test file that failed without a failing test (it did not load, or a hook
// threw), and, if the run still failed without any of those (an unhandled error, no report at
// all), one more.
import { existsSync, readFileSync } from 'node:fs';

const [report, exitCode] = process.argv.slice(2);
let passed = 0;
let failed = 0;
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed = r.numPassedTests;
  failed = r.numTotalTests - r.numPassedTests;
  for (const file of r.testResults ?? []) {
    const failedTests = (file.assertionResults ?? []).filter((t) => t.status === 'failed').length;
    if (file.status === 'failed' && failedTests === 0) failed += 1;
  }
}
if (exitCode !== '0' && failed === 0) failed = 1;
console.log(`${passed} ${failed}`);
