import { describe, expect, it } from 'vitest';
import { isTypingTarget, matchShortcut, SHORTCUT_IDS, SHORTCUTS, stepDate } from '../../src/app/shortcuts';

const press = (
  key: string,
  target: EventTarget | null = document.body,
  mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {},
) => matchShortcut({ key, target, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('keyboard shortcuts registry', () => {
  it('lists every shortcut once, each with its own keys and a visible control', () => {
    expect(SHORTCUTS.map((s) => s.id)).toEqual([...SHORTCUT_IDS]);
    const keys = SHORTCUTS.flatMap((s) => s.keys);
    expect(new Set(keys).size).toBe(keys.length);
    for (const s of SHORTCUTS) expect(s.control).toMatch(/\S/);
  });

  it('maps keys to shortcuts', () => {
    expect(press('1')).toBe('overview');
    expect(press('2')).toBe('calendar');
    expect(press('3')).toBe('route');
    expect(press('4')).toBe('conflicts');
    expect(press('n')).toBe('new-item');
    expect(press('v')).toBe('new-visit');
    expect(press('/')).toBe('search');
    expect(press('k', document.body, { ctrlKey: true })).toBe('search');
    expect(press('K', document.body, { metaKey: true })).toBe('search');
    expect(press('t')).toBe('today');
    expect(press('j')).toBe('next');
    expect(press('k')).toBe('previous');
    expect(press('?')).toBe('help');
    expect(press('q')).toBeNull();
    expect(press('n', document.body, { altKey: true })).toBeNull();
    expect(press('n', document.body, { ctrlKey: true })).toBeNull();
  });

  it('does nothing while typing, except Ctrl-K', () => {
    const input = document.createElement('input');
    const area = document.createElement('textarea');
    const select = document.createElement('select');
    const box = document.createElement('input');
    box.type = 'checkbox';
    expect(isTypingTarget(input)).toBe(true);
    expect(isTypingTarget(box)).toBe(false);
    for (const el of [input, area, select]) {
      expect(press('n', el)).toBeNull();
      expect(press('/', el)).toBeNull();
      expect(press('?', el)).toBeNull();
    }
    expect(press('n', box)).toBe('new-item');
    expect(press('k', input, { ctrlKey: true })).toBe('search');
  });

  it('does nothing while a dialog is open', () => {
    expect(
      matchShortcut({ key: 'n', target: document.body, ctrlKey: false, metaKey: false, altKey: false }, true),
    ).toBeNull();
  });

  it('steps the calendar by its period', () => {
    expect(stepDate('2025-10-30', 'week', 1)).toBe('2025-11-06');
    expect(stepDate('2025-12-29', 'week', 1)).toBe('2026-01-05');
    expect(stepDate('2025-10-30', 'month', 1)).toBe('2025-11-01');
    expect(stepDate('2025-01-31', 'list', -1)).toBe('2024-12-01');
    expect(stepDate('2025-10-30', 'year', -1)).toBe('2024-01-01');
  });
});
