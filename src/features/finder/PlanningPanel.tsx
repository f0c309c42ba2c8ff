import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { wrapTab } from '../../components/focus-trap';
import { usePlan } from '../../db/hooks';
import { FindDates } from './FindDates';
import { Scenarios } from './Scenarios';
import './finder.css';

export type PlanningTab = 'dates' | 'scenarios';

const TABS: { id: PlanningTab; label: string }[] = [
  { id: 'dates', label: 'Find dates' },
  { id: 'scenarios', label: 'Scenarios' },
];

/**
 * "Dates and scenarios": a modal panel with two tabs, the date finder and the saved scenarios.
 * Escape or the close button closes it; focus returns where it was.
 */
export function PlanningPanel({
  tab,
  onTab,
  onClose,
}: {
  tab: PlanningTab;
  onTab: (tab: PlanningTab) => void;
  onClose: () => void;
}) {
  const plan = usePlan();
  const ref = useRef<HTMLDivElement>(null);
  const tabRefs = useRef<Record<PlanningTab, HTMLButtonElement | null>>({ dates: null, scenarios: null });
  const [today] = useState(() => new Date().toISOString().slice(0, 10));

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    tabRefs.current[tab]?.focus();
    return () => previous?.focus?.();
    // Focus moves in once, on open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key === 'Tab' && ref.current) {
      const focusable = [
        ...ref.current.querySelectorAll<HTMLElement>('input, select, textarea, button, a[href], [tabindex="0"]'),
      ].filter((el) => !el.hasAttribute('disabled') && el.offsetParent !== null);
      wrapTab(e, focusable);
    }
  };

  const onTabKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft' && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    const i = TABS.findIndex((t) => t.id === tab);
    const next =
      e.key === 'Home'
        ? 0
        : e.key === 'End'
          ? TABS.length - 1
          : (i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length;
    onTab(TABS[next]!.id);
    tabRefs.current[TABS[next]!.id]?.focus();
  };

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={ref}
        className="planning-panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby="planning-title"
        onKeyDown={onKeyDown}
      >
        <div className="planning-head">
          <h2 id="planning-title">Dates and scenarios</h2>
          <div role="tablist" aria-label="Dates and scenarios" className="planning-tabs" onKeyDown={onTabKey}>
            {TABS.map((t) => (
              <button
                key={t.id}
                ref={(el) => {
                  tabRefs.current[t.id] = el;
                }}
                type="button"
                role="tab"
                id={`planning-tab-${t.id}`}
                aria-selected={tab === t.id}
                aria-controls={`planning-panel-${t.id}`}
                tabIndex={tab === t.id ? 0 : -1}
                onClick={() => onTab(t.id)}
              >
                {t.label}
              </button>
            ))}
          </div>
          <span className="spacer" />
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
        <div
          role="tabpanel"
          id={`planning-panel-${tab}`}
          aria-labelledby={`planning-tab-${tab}`}
          className={`planning-body tab-${tab}`}
        >
          {!plan ? (
            <p aria-busy="true">Loading the plan…</p>
          ) : tab === 'dates' ? (
            <FindDates plan={plan} today={today} onScenarioSaved={() => onTab('scenarios')} />
          ) : (
            <Scenarios plan={plan} />
          )}
        </div>
      </div>
    </div>
  );
}
