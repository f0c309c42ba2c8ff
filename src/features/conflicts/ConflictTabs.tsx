import { useRef } from 'react';
import type { ConflictEntry } from '../../domain/conflicts';
import { CONFLICT_PANELS, useConflictsViewStore, type ConflictPanel } from '../../store/conflicts-view-store';
import { conflictBadge } from './use-conflict-badge';

const PANEL_LABELS: Record<ConflictPanel, string> = {
  list: 'Conflict list',
  'what-if': 'What if',
  timeline: 'Overlap timeline',
  check: 'Check dates',
};

/** The step a key takes along the tabs, or undefined for other keys. */
function nextPanel(key: string, current: ConflictPanel): ConflictPanel | undefined {
  const i = CONFLICT_PANELS.indexOf(current);
  const n = CONFLICT_PANELS.length;
  if (key === 'ArrowRight') return CONFLICT_PANELS[(i + 1) % n];
  if (key === 'ArrowLeft') return CONFLICT_PANELS[(i - 1 + n) % n];
  if (key === 'Home') return CONFLICT_PANELS[0];
  if (key === 'End') return CONFLICT_PANELS[n - 1];
  return undefined;
}

/**
 * The Conflicts view's tools as tabs (arrow keys, Home and End move between them). The list's tab
 * carries the same badge as the Conflicts link: open errors and warnings, in words for screen readers.
 */
export function ConflictTabs({ entries }: { entries: readonly ConflictEntry[] }) {
  const panel = useConflictsViewStore((s) => s.panel);
  const setPanel = useConflictsViewStore((s) => s.setPanel);
  const tabs = useRef(new Map<ConflictPanel, HTMLButtonElement>());
  const badge = conflictBadge(entries);

  const onTabKey = (e: React.KeyboardEvent, current: ConflictPanel) => {
    const next = nextPanel(e.key, current);
    if (!next) return;
    e.preventDefault();
    setPanel(next);
    tabs.current.get(next)?.focus();
  };

  return (
    <div role="tablist" aria-label="Conflict tools" className="conflict-tabs">
      {CONFLICT_PANELS.map((p) => (
        <button
          key={p}
          ref={(el) => {
            if (el) tabs.current.set(p, el);
          }}
          type="button"
          role="tab"
          id={`conflicts-tab-${p}`}
          aria-selected={panel === p}
          aria-controls={`conflicts-panel-${p}`}
          aria-label={p === 'list' && badge ? `${PANEL_LABELS[p]}, ${badge.label} to resolve` : undefined}
          tabIndex={panel === p ? 0 : -1}
          onClick={() => setPanel(p)}
          onKeyDown={(e) => onTabKey(e, p)}
        >
          {PANEL_LABELS[p]}
          {p === 'list' && badge && <span className="badge"> {badge.text}</span>}
        </button>
      ))}
    </div>
  );
}
