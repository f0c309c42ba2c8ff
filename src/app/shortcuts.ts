/**
 * The keyboard shortcuts: one registry, read by the key handler and by the "?" overlay. None
 * fires while typing in a field (except Ctrl-K) or while a dialog is open. Each names the
 * visible control that does the same, so nothing is reachable by keyboard alone.
 */

export const SHORTCUT_IDS = [
  'overview',
  'calendar',
  'route',
  'conflicts',
  'new-item',
  'new-visit',
  'search',
  'today',
  'previous',
  'next',
  'help',
] as const;
export type ShortcutId = (typeof SHORTCUT_IDS)[number];

export interface Shortcut {
  id: ShortcutId;
  /** Keys as `KeyboardEvent.key` values; `Ctrl+k` needs Ctrl (or ⌘). The first is shown first. */
  keys: readonly string[];
  description: string;
  /** The visible control that does the same. */
  control: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'overview', keys: ['1'], description: 'Go to the Overview', control: 'Overview link' },
  { id: 'calendar', keys: ['2'], description: 'Go to the Calendar', control: 'Calendar link' },
  { id: 'route', keys: ['3'], description: 'Go to the Route', control: 'Route link' },
  { id: 'conflicts', keys: ['4'], description: 'Go to the Conflicts', control: 'Conflicts link' },
  { id: 'new-item', keys: ['n'], description: 'New item', control: 'New item button' },
  { id: 'new-visit', keys: ['v'], description: 'New visit', control: 'New visit button' },
  { id: 'search', keys: ['/', 'Ctrl+k'], description: 'Find anything', control: 'Find box' },
  { id: 'today', keys: ['t'], description: 'Calendar: today', control: 'Today button' },
  { id: 'previous', keys: ['k'], description: 'Calendar: previous period', control: 'Previous button' },
  { id: 'next', keys: ['j'], description: 'Calendar: next period', control: 'Next button' },
  { id: 'help', keys: ['?'], description: 'Show these shortcuts', control: 'Keyboard shortcuts button' },
];

/** How a key is written in the overlay. */
export function keyLabel(key: string): string {
  return key.startsWith('Ctrl+') ? `Ctrl ${key.slice(5).toUpperCase()}` : key;
}

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
}

/** True for a place where keys type text: inputs, text areas, selects, editable content. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).tagName !== 'string') return false;
  const el = target as HTMLElement;
  if (el.isContentEditable) return true;
  const tag = el.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag !== 'input') return false;
  const type = ((el as HTMLInputElement).type || 'text').toLowerCase();
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(type);
}

/** The shortcut a key press asks for, or null. `dialogOpen`: a modal dialog has the keyboard. */
export function matchShortcut(e: KeyLike, dialogOpen = false): ShortcutId | null {
  if (dialogOpen || e.altKey) return null;
  const modified = e.ctrlKey || e.metaKey;
  if (modified) {
    const wanted = `Ctrl+${e.key.toLowerCase()}`;
    return SHORTCUTS.find((s) => s.keys.includes(wanted))?.id ?? null;
  }
  if (isTypingTarget(e.target)) return null;
  return SHORTCUTS.find((s) => s.keys.includes(e.key))?.id ?? null;
}

/** Period arithmetic for the calendar's date in the URL: the same view one period on (`step` ±1). */
export function stepDate(date: string, view: string, step: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const pad = (n: number) => String(n).padStart(2, '0');
  if (view === 'week') {
    const t = new Date(Date.UTC(y, m - 1, d + 7 * step));
    return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
  }
  if (view === 'year') return `${y + step}-01-01`;
  const t = new Date(Date.UTC(y, m - 1 + step, 1));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-01`;
}
