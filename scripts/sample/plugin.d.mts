/** Types of plugin.mjs for the TypeScript that imports it (vite.config.ts). */
import type { Plugin } from 'vite';

export function samplePlanPlugin(): Plugin;
