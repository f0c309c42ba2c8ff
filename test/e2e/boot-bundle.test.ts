/**
 * What the production build loads before the first view: the sample plan is not part of it. It
 * ships as its own chunk (scripts/sample/plugin.mjs), fetched only to seed a first run, reset or
 * open it; its builders used to run on every start, as the initial scripts loaded.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const read = (file: string) => readFileSync(join('dist', file), 'utf8');

/** index.html's scripts and module preloads, with every script they import statically. */
function initialScripts(): string[] {
  const html = read('index.html');
  const queue = [
    ...html.matchAll(/<script[^>]+src="\/([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+\.js)"/g),
  ].map((m) => m[1]!);
  const seen = new Set<string>();
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of read(file).matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+\.js)["']/g))
      queue.push(join('assets', m[1]!));
  }
  return [...seen];
}

/** An id and a title of the sample plan's items. */
const SAMPLE_MARKERS = ['busan-summit-2025', 'Trump–Xi summit, Busan'];

describe('the initial scripts of the production build', () => {
  it('hold no part of the sample plan, which is one chunk of its own', () => {
    const initial = initialScripts();
    expect(initial.length).toBeGreaterThan(5);
    expect(initial.filter((f) => SAMPLE_MARKERS.some((m) => read(f).includes(m)))).toEqual([]);
    const holding = readdirSync('dist/assets')
      .filter((f) => f.endsWith('.js'))
      .filter((f) => read(join('assets', f)).includes(SAMPLE_MARKERS[0]!));
    expect(holding).toHaveLength(1);
    expect(initial).not.toContain(join('assets', holding[0]!));
  });
});
