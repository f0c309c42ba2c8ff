/** Types of build.mjs for the TypeScript that imports it (vite.config.ts, the tests). */
import type { Plugin } from 'vite';

export function buildGazetteer(): unknown;
export function gazetteerPlugin(): Plugin;
