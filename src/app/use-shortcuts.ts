/** Runs the registry's shortcuts on key presses anywhere in the page. */
import { useEffect, useRef } from 'react';
import { matchShortcut, type ShortcutId } from './shortcuts';

export function useShortcuts(run: (id: ShortcutId) => void) {
  const latest = useRef(run);
  useEffect(() => {
    latest.current = run;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const id = matchShortcut(e, document.querySelector('[aria-modal="true"]') !== null);
      if (!id) return;
      e.preventDefault();
      latest.current(id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
