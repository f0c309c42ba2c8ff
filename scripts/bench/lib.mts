/** Shared pieces for browser benchmarks: serve dist/ on a free port, launch Debian's Chromium. */
import { existsSync } from 'node:fs';
import { preview } from 'vite';
import { launchBrowser } from '../../test/helpers/browser';

export async function serveDist(): Promise<{ url: string; close: () => Promise<void> }> {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` first.');
  const server = await preview({ preview: { port: 0, strictPort: false, host: '127.0.0.1' }, logLevel: 'warn' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { url: `http://127.0.0.1:${address.port}`, close: () => server.close() };
}

export { launchBrowser };

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
