import { afterEach, describe, expect, it, vi } from 'vitest';
import { wrapTab } from '../../src/components/focus-trap';

function buttons(n: number): HTMLButtonElement[] {
  return Array.from({ length: n }, (_, i) => {
    const b = document.createElement('button');
    b.textContent = `b${i}`;
    document.body.append(b);
    return b;
  });
}
const key = (key: string, shiftKey = false) => ({ key, shiftKey, preventDefault: vi.fn() });

afterEach(() => document.body.replaceChildren());

describe('wrapTab', () => {
  it('sends Tab from the last element to the first and Shift+Tab from the first to the last', () => {
    const [a, b, c] = buttons(3);
    c!.focus();
    const tab = key('Tab');
    wrapTab(tab, [a!, b!, c!]);
    expect(document.activeElement).toBe(a);
    expect(tab.preventDefault).toHaveBeenCalled();
    const back = key('Tab', true);
    wrapTab(back, [a!, b!, c!]);
    expect(document.activeElement).toBe(c);
    expect(back.preventDefault).toHaveBeenCalled();
  });

  it('leaves Tab in the middle, and any other key, to the browser', () => {
    const [a, b, c] = buttons(3);
    b!.focus();
    const tab = key('Tab');
    wrapTab(tab, [a!, b!, c!]);
    expect(tab.preventDefault).not.toHaveBeenCalled();
    c!.focus();
    const enter = key('Enter');
    wrapTab(enter, [a!, b!, c!]);
    expect(enter.preventDefault).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(c);
  });
});
