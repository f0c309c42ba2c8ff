/**
 * Serves the production build (dist/) with `vite preview` on a free local port for the browser
 * tests, and hands its address to them (`inject('baseUrl')`). Also serves the fault-injection test
 * build (dist-faults/, `vite build --mode faults --outDir dist-faults`) on another port
 * (`inject('faultsUrl')`) for the tests that make writes fail; the production build has no fault
 * hook. The builds are made by the test command before this runs; a missing build is an error,
 * not a silent rebuild.
 */
import { existsSync } from 'node:fs';
import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    faultsUrl: string;
  }
}

const servers: PreviewServer[] = [];

async function serve(outDir: string): Promise<string> {
  const server = await preview({
    build: { outDir },
    preview: { port: 0, strictPort: false, host: '127.0.0.1' },
    logLevel: 'warn',
  });
  servers.push(server);
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('The preview server has no port.');
  return `http://127.0.0.1:${address.port}`;
}

export async function setup(project: TestProject) {
  if (process.env.SUMMITRY_URL) {
    project.provide('baseUrl', process.env.SUMMITRY_URL);
    project.provide('faultsUrl', process.env.SUMMITRY_FAULTS_URL ?? '');
    return;
  }
  if (!existsSync('dist/index.html'))
    throw new Error('dist/ is missing: run `npm run build` before the browser tests.');
  if (!existsSync('dist-faults/index.html'))
    throw new Error('dist-faults/ is missing: run `npm run build:faults` before the browser tests.');
  project.provide('baseUrl', await serve('dist'));
  project.provide('faultsUrl', await serve('dist-faults'));
}

export async function teardown() {
  await Promise.all(servers.map((s) => s.close()));
}
