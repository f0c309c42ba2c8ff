/** A small URL router: each view has its own path; query parameters hold view state. */
import { useSyncExternalStore } from 'react';

export const VIEWS = ['overview', 'calendar', 'route', 'conflicts'] as const;
export type ViewName = (typeof VIEWS)[number];

function subscribe(onChange: () => void) {
  window.addEventListener('popstate', onChange);
  window.addEventListener('summitry:navigate', onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener('summitry:navigate', onChange);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

/** The view a path shows (`/conflicts?x=1` → conflicts; anything unknown → overview). */
export function viewOf(pathname: string): ViewName {
  const segment = pathname.replace(/^\/+/, '').split('/')[0] ?? '';
  return (VIEWS as readonly string[]).includes(segment) ? (segment as ViewName) : 'overview';
}

/** The current path and search, re-rendering on navigation. */
export function useLocation(): { view: ViewName; search: URLSearchParams } {
  const href = useSyncExternalStore(subscribe, snapshot, snapshot);
  const url = new URL(href, 'http://local');
  return { view: viewOf(url.pathname), search: url.searchParams };
}

/** Go to a path (push or replace), notifying `useLocation`. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === snapshot()) return;
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new Event('summitry:navigate'));
}

/** The current path with query parameter `key` set to `value`, or removed when `value` is null. */
export function withParam(key: string, value: string | null): string {
  const url = new URL(window.location.href);
  if (value === null) url.searchParams.delete(key);
  else url.searchParams.set(key, value);
  return url.pathname + url.search;
}

/** The current path without the query parameters `keys`. */
export function withoutParams(...keys: string[]): string {
  const url = new URL(window.location.href);
  for (const key of keys) url.searchParams.delete(key);
  return url.pathname + url.search;
}

/** The current path with the History panel open on one item (`events/busan-summit-2025`), or on every change. */
export function historyOf(itemKey: string | null): string {
  const url = new URL(window.location.href);
  url.searchParams.set('panel', 'history');
  if (itemKey) url.searchParams.set('item', itemKey);
  else url.searchParams.delete('item');
  return url.pathname + url.search;
}
