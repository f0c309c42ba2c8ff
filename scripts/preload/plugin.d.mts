/** Types of plugin.mjs for the TypeScript that imports it (vite.config.ts). */
import type { Plugin } from 'vite';

export const VIEW_MODULES: Record<'overview' | 'calendar' | 'route' | 'conflicts', string>;
export function preloadScript(files: Record<string, string[]>): string;
export function viewPreloadPlugin(): Plugin;
