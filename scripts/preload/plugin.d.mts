/** Types of plugin.mjs for the TypeScript that imports it (vite.config.ts). */
import type { Plugin } from 'vite';

/** Each view's module (its keys are the router's views: a test checks it). */
export const VIEW_MODULES: Record<'overview' | 'calendar' | 'route' | 'conflicts', string>;
export function viewPreloadPlugin(): Plugin;
