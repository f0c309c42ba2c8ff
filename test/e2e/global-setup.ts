/**
 * Serves the production build (dist/) with `vite preview` for the browser tests. The build is
 * made by the test command before this runs; a missing build is an error, not a silent rebuild.
 */
import { existsSync } from 'node:fs';
import { preview, type PreviewServer } from 'vite';

let server: PreviewServer | undefined;

export async function setup() {
  if (process.env.SUMMITRY_URL) return;
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` before the browser tests.');
  server = await preview({ preview: { port: 4173, strictPort: true, host: '127.0.0.1' }, logLevel: 'warn' });
}

export async function teardown() {
  await server?.close();
}
