import { useState } from 'react';
import { usePlan } from '../../db/hooks';
import { itemsFingerprint, type ConflictEntry } from '../../domain/conflicts';
import type { Conflict, ItemRef } from '../../domain/conflicts';
import { useConflictsViewStore } from '../../store/conflicts-view-store';
import { useUiStore } from '../../store/ui-store';
import { useUndoStore } from '../../store/undo-store';
import { undoOffer } from '../../db/undo-offer';
import { AcceptDialog } from './AcceptDialog';
import { ConflictList } from './ConflictList';
import { ConflictTabs } from './ConflictTabs';
import { conflictDomId } from './dom-id';
import { acceptanceRepository, useConflictEntries, useTruncationNote } from './data';
import { ItemDetailsDialog } from './ItemDetailsDialog';
import { OverlapTimeline } from './OverlapTimeline';
import { RangeCheckPanel } from './RangeCheckPanel';
import { WhatIfPanel } from './WhatIfPanel';
import './conflicts.css';

/** The Conflicts view: the engine's conflicts explained, what-if, an overlap timeline and a date-range check. */
export function ConflictsView() {
  const plan = usePlan();
  const displayZone = useUiStore((s) => s.displayZone);
  const includeOptional = useUiStore((s) => s.includeOptional);
  const panel = useConflictsViewStore((s) => s.panel);
  const setPanel = useConflictsViewStore((s) => s.setPanel);
  const showOnTimeline = useConflictsViewStore((s) => s.showOnTimeline);
  const entries = useConflictEntries(includeOptional);
  const truncation = useTruncationNote(includeOptional);
  const [details, setDetails] = useState<ItemRef | null>(null);
  const [accepting, setAccepting] = useState<ConflictEntry | null>(null);
  const [revealId, setRevealId] = useState<string | null>(null);

  if (!plan || !entries) return <p aria-busy="true">Loading the plan…</p>;

  const openItem = (item: ItemRef) => {
    if (item.type === 'event') useUiStore.getState().openEditor({ mode: 'edit', type: 'event', id: item.id });
    else setDetails(item);
  };

  const accept = async (entry: ConflictEntry, note: string) => {
    const acceptances = acceptanceRepository();
    const accepted = await acceptances.acceptWithHistory({
      id: entry.conflict.id,
      note,
      itemsFingerprint: itemsFingerprint(entry.conflict.items, plan),
    });
    setAccepting(null);
    useUndoStore.getState().present(undoOffer(accepted.entry, 'Conflict accepted.'));
  };

  const reopen = async (entry: ConflictEntry) => {
    const acceptances = acceptanceRepository();
    const reopened = await acceptances.reopen(entry.conflict.id);
    if (reopened) useUndoStore.getState().present(undoOffer(reopened, 'Conflict reopened.'));
  };

  const showInList = (conflict: Conflict) => {
    setRevealId(conflict.id);
    setPanel('list');
    requestAnimationFrame(() => {
      const card = document.getElementById(conflictDomId(conflict.id))?.closest('article');
      card?.scrollIntoView({ block: 'center' });
      card?.focus();
    });
  };

  return (
    <section className="conflicts-view" aria-labelledby="conflicts-heading">
      <h2 id="conflicts-heading">Conflicts</h2>
      <p className="intro">
        What clashes in the plan, and why, with local times at each place. Dates in {displayZone.replace(/_/g, ' ')}.
      </p>
      {truncation && (
        <p className="truncation-note" role="note">
          {truncation} The list, its counts and its filters cover only those listed.
        </p>
      )}
      <ConflictTabs entries={entries} />
      <div
        role="tabpanel"
        id={`conflicts-panel-${panel}`}
        aria-labelledby={`conflicts-tab-${panel}`}
        className={`conflict-panel panel-${panel}`}
      >
        {panel === 'list' && (
          <ConflictList
            entries={entries}
            participants={plan.participants}
            displayZone={displayZone}
            includeOptional={includeOptional}
            onOpenItem={openItem}
            onAccept={setAccepting}
            onReopen={(e) => void reopen(e)}
            onShowOnTimeline={(e) => showOnTimeline(e.conflict.at)}
            revealId={revealId}
          />
        )}
        {panel === 'what-if' && <WhatIfPanel plan={plan} onOpenItem={openItem} />}
        {panel === 'timeline' && (
          <OverlapTimeline
            plan={plan}
            entries={entries}
            displayZone={displayZone}
            includeOptional={includeOptional}
            onOpenItem={openItem}
            onShowInList={showInList}
          />
        )}
        {panel === 'check' && (
          <RangeCheckPanel
            plan={plan}
            displayZone={displayZone}
            includeOptional={includeOptional}
            onOpenItem={openItem}
          />
        )}
      </div>
      {accepting && (
        <AcceptDialog
          entry={accepting}
          onAccept={(note) => accept(accepting, note)}
          onClose={() => setAccepting(null)}
        />
      )}
      {details && <ItemDetailsDialog item={details} plan={plan} onClose={() => setDetails(null)} />}
    </section>
  );
}
