import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig, type Plugin } from 'vitest/config';
import { gazetteerPlugin } from './scripts/gazetteer/build.mjs';
import { viewPreloadPlugin } from './scripts/preload/plugin.mjs';
import { samplePlanPlugin } from './scripts/sample/plugin.mjs';

/**
 * Sync servers a shared plan may connect to: a sync server on this machine (`npm run server`, any
 * port) and the servers named at build time in SUMMITRY_SYNC_SERVERS (space-separated origins,
 * e.g. `wss://sync.example.org`). The app connects only for a plan its owner shared; an unshared
 * plan sends nothing anywhere.
 */
const SYNC_SERVERS = ['ws://127.0.0.1:*', 'ws://localhost:*', ...(process.env.SUMMITRY_SYNC_SERVERS ?? '').split(/\s+/)]
  .filter((s) => /^wss?:\/\/[\w.\-[\]:*]+$/.test(s))
  .join(' ');

/**
 * The Content-Security-Policy. It goes into the built index.html as a meta tag and is sent as a
 * header by `vite preview`. The dev server runs without it (its React refresh preamble is inline).
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  `connect-src 'self' ${SYNC_SERVERS}`,
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

function cspMeta(): Plugin {
  return {
    name: 'summitry-csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' },
      ],
    },
  };
}

/**
 * Offline: a Workbox service worker (generateSW) precaches the app shell, every lazy chunk and
 * the map data, and answers navigations (/calendar, /route, /conflicts) with index.html. Prompt
 * mode: a new version waits for the user. It is registered from src/app/pwa.ts, not by an
 * injected inline script, which the CSP would refuse.
 */
function offline() {
  return VitePWA({
    strategies: 'generateSW',
    registerType: 'prompt',
    injectRegister: null,
    // globPatterns below already take in every icon; listing them again would duplicate entries.
    includeAssets: [],
    includeManifestIcons: false,
    manifest: {
      name: 'Summitry — summit and state-visit planner',
      short_name: 'Summitry',
      description: 'A local-first planner for summits and state visits. Works offline; your plan stays on this device.',
      id: '/',
      start_url: '/calendar',
      scope: '/',
      display: 'standalone',
      background_color: '#fbfaf7',
      theme_color: '#1f3a5f',
      icons: [
        { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{js,css,html,svg,png,json,woff2}'],
      // README screenshots are for the repository page, not for the app.
      globIgnores: ['screenshots/**'],
      // The world map (world-atlas TopoJSON) is a large lazy chunk: it must be precached too.
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      navigateFallback: '/index.html',
      navigateFallbackDenylist: [/^\/sw\.js$/, /^\/workbox-/],
      cleanupOutdatedCaches: true,
      clientsClaim: true,
      skipWaiting: false,
    },
    devOptions: { enabled: false },
  });
}

export default defineConfig({
  plugins: [react(), cspMeta(), gazetteerPlugin(), samplePlanPlugin(), viewPreloadPlugin(), offline()],
  build: { target: 'es2022', sourcemap: false },
  // The import worker (src/features/io/import.worker.ts) is a module: it imports the app's own chunks.
  worker: { format: 'es' },
  preview: {
    port: 4173,
    strictPort: true,
    headers: { 'Content-Security-Policy': `${CSP}; frame-ancestors 'none'`, 'X-Content-Type-Options': 'nosniff' },
  },
  server: { port: 5173 },
  test: {
    // expect.poll waits for a condition; its default of 1 s is a time limit a busy machine can
    // miss (a sync round trip at a load of 14 has taken seconds). A poll returns once it holds.
    expect: { poll: { timeout: 30_000 } },
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'test/domain/**/*.test.ts',
            'test/db/**/*.test.ts',
            'test/store/**/*.test.ts',
            'test/sync/**/*.test.ts',
          ],
          setupFiles: ['test/helpers/setup-node.ts'],
          // Wide margins: the suite must pass on a loaded 2-core machine, where a test takes up to
          // ten times what it takes on a quiet one. Heavier tests set their own, wider still.
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'jsdom',
          environment: 'jsdom',
          include: ['test/features/**/*.test.tsx', 'test/components/**/*.test.tsx', 'test/app/**/*.test.tsx'],
          setupFiles: ['test/helpers/setup-jsdom.ts'],
          // React in jsdom is slow: the slowest tests take 1–2 s on a quiet machine and up to 12 s
          // at a load average of 20 on two cores. Testing Library's own wait (findBy…, waitFor)
          // is raised to match in setup-jsdom.ts.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          setupFiles: ['test/e2e/setup-e2e.ts'],
          fileParallelism: false,
          // A browser test takes 5–10 s on a quiet machine and up to 35 s on a very busy one.
          testTimeout: 180_000,
          hookTimeout: 120_000,
        },
      },
      {
        // The sync server (server/) as real processes: one file at a time, since they start servers.
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['test/server/**/*.test.ts'],
          globalSetup: ['test/server/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
