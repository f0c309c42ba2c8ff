/**
 * Keeps Tab inside a modal: Tab on its last focusable element goes to the first, Shift+Tab on the
 * first goes to the last. `focusable` is the modal's focusable elements in tab order.
 */
export function wrapTab(
  e: { key: string; shiftKey: boolean; preventDefault: () => void },
  focusable: readonly HTMLElement[],
): void {
  if (e.key !== 'Tab') return;
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last?.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first?.focus();
  }
}
