/**
 * Serves the production build (dist/) with `vite preview` on a free local port for the browser
 * tests, and hands its address to them (`inject('baseUrl')`). The build is made by the test
 * command before this runs; a missing build is an error, not a silent rebuild.
 */
import { existsSync } from 'node:fs';
import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let server: PreviewServer | undefined;

export async function setup(project: TestProject) {
  if (process.env.SUMMITRY_URL) {
    project.provide('baseUrl', process.env.SUMMITRY_URL);
    return;
  }
  if (!existsSync('dist/index.html'))
    throw new Error('dist/ is missing: run `npm run build` before the browser tests.');
  server = await preview({ preview: { port: 0, strictPort: false, host: '127.0.0.1' }, logLevel: 'warn' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('The preview server has no port.');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}`);
}

export async function teardown() {
  await server?.close();
}
