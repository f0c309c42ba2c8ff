import { useState } from 'react';
import { Dialog } from '../components/Dialog';
import { ZoneSelect } from '../components/ZoneSelect';
import { StorageButton } from '../features/storage/StorageButton';
import { db, failureMessage, resetSamplePlan } from '../db';
import { usePlanName } from '../db/hooks';
import { IoMenu } from '../features/io/IoMenu';
import { SearchBox } from '../features/search/SearchBox';
import { SyncControl } from '../features/sync/SyncControl';
import { PlansButton } from '../features/plans/PlansDialog';
import { useUiStore } from '../store/ui-store';
import { useUndoStore } from '../store/undo-store';
import { undoOffer } from '../db/undo-offer';
import { historyOf, navigate, VIEWS, withoutParams, withParam, type ViewName } from './router';
import { ClockSelect } from './ClockSelect';
import { ShortcutsButton } from './ShortcutsHelp';

const LABELS: Record<ViewName, string> = {
  overview: 'Overview',
  calendar: 'Calendar',
  route: 'Route',
  conflicts: 'Conflicts',
};

/** A badge on a navigation link: plain text, or short text with its meaning in words for the link's accessible name. */
export type NavBadge = string | { text: string; label: string };

/** The app's name, the open plan's name and the Plans button (the plan switcher). */
function Brand() {
  const planName = usePlanName();
  return (
    <div className="brand">
      <span className="app-name">Summitry</span>
      <div className="plan-title">
        <h1 className="plan-name">{planName ?? ' '}</h1>
        {/* Another plan: the same view and dates, without the panel, item or visit of the plan left. */}
        <PlansButton onSwitched={() => navigate(withoutParams('panel', 'item', 'visit'))} />
      </div>
    </div>
  );
}

export function Header({ view, badges }: { view: ViewName; badges?: Partial<Record<ViewName, NavBadge>> }) {
  const displayZone = useUiStore((s) => s.displayZone);
  const setDisplayZone = useUiStore((s) => s.setDisplayZone);
  const includeOptional = useUiStore((s) => s.includeOptional);
  const setIncludeOptional = useUiStore((s) => s.setIncludeOptional);
  const openEditor = useUiStore((s) => s.openEditor);
  const openCreate = useUiStore((s) => s.openCreate);
  const notify = useUndoStore((s) => s.notify);
  const present = useUndoStore((s) => s.present);
  const [confirmReset, setConfirmReset] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);

  return (
    <header className={menuOpen ? 'app-header menu-open' : 'app-header'}>
      <Brand />
      <nav aria-label="Views">
        <ul>
          {VIEWS.map((v) => {
            const badge = badges?.[v];
            const worded = typeof badge === 'object' ? `${LABELS[v]} ${badge.label}` : undefined;
            return (
              <li key={v}>
                <a
                  href={`/${v}`}
                  aria-current={v === view ? 'page' : undefined}
                  aria-label={worded}
                  title={worded}
                  onClick={(e) => {
                    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
                    e.preventDefault();
                    navigate(`/${v}`);
                  }}
                >
                  {LABELS[v]}
                  {badge && <span className="badge"> {typeof badge === 'object' ? badge.text : badge}</span>}
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
      <SearchBox navigate={navigate} />
      <div className="sync-control">
        <SyncControl />
      </div>
      <button
        type="button"
        className="menu-button"
        aria-expanded={menuOpen}
        aria-controls="header-controls"
        onClick={() => setMenuOpen((o) => !o)}
      >
        <span aria-hidden="true">☰</span> Menu
      </button>
      <div className="controls" id="header-controls">
        <ZoneSelect label="Display time zone" required value={displayZone} onChange={setDisplayZone} />
        <ClockSelect />
        <label className="check">
          <input type="checkbox" checked={includeOptional} onChange={(e) => setIncludeOptional(e.target.checked)} />
          Include optional legs
        </label>
        <button type="button" className="primary" onClick={() => openEditor({ mode: 'new' })}>
          New item
        </button>
        <button type="button" onClick={() => openCreate('visit')}>
          New visit
        </button>
        <button type="button" onClick={() => openCreate('place')}>
          New place
        </button>
        <button type="button" onClick={() => navigate(withParam('panel', 'dates'))}>
          Dates &amp; scenarios
        </button>
        <button type="button" onClick={() => navigate(historyOf(null))}>
          History
        </button>
        <IoMenu />
        <button type="button" onClick={() => setConfirmReset(true)}>
          Reset sample plan
        </button>
        <StorageButton />
        <ShortcutsButton />
      </div>
      {confirmReset && (
        <Dialog title="Reset the sample plan?" onClose={() => setConfirmReset(false)}>
          <p>
            This replaces everything in this plan, including your own items and edits, with a fresh copy of the sample
            plan.
          </p>
          <div className="actions">
            <span className="spacer" />
            <button type="button" onClick={() => setConfirmReset(false)}>
              Keep my plan
            </button>
            <button
              type="button"
              className="danger"
              onClick={async () => {
                setConfirmReset(false);
                try {
                  const { entry } = await resetSamplePlan(db);
                  present(undoOffer(entry, 'The sample plan was restored.'));
                } catch (err) {
                  notify(failureMessage('Could not reset', err));
                }
              }}
            >
              Replace with the sample plan
            </button>
          </div>
        </Dialog>
      )}
    </header>
  );
}
