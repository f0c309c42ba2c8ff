import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ConflictEntry } from '../../domain/conflicts';
import { conflictsToCsv, countBySeverity, describeCounts, describeInfoGroup, toResolve } from '../../domain/conflicts';
import type { ItemRef } from '../../domain/conflicts';
import { ShowMore, useFocusRow, useShowMore } from '../../components/ShowMore';
import { downloadTextFile } from '../../components/download';
import type { Participant } from '../../domain/model';
import { localDateOf } from '../../domain/time';
import { ConflictCard, type ConflictCardProps } from './ConflictCard';
import { ConflictToolbar } from './ConflictToolbar';
import { useShownConflicts } from './use-shown-conflicts';

export interface ConflictListProps {
  entries: ConflictEntry[];
  participants: Participant[];
  displayZone: string;
  includeOptional: boolean;
  onOpenItem: (item: ItemRef) => void;
  onAccept: (entry: ConflictEntry) => void;
  onReopen: (entry: ConflictEntry) => void;
  onShowOnTimeline: (entry: ConflictEntry) => void;
  /** A conflict to draw even if it is far down the list (jumped to from the timeline). */
  revealId?: string | null;
}

type CardAction = Pick<ConflictCardProps, 'onAccept' | 'onReopen'>;
type DrawCard = (entry: ConflictEntry, action: CardAction, index: number, total: number) => React.ReactNode;

interface CardsProps {
  entries: ConflictEntry[];
  revealId?: string | null;
  /** Draw them all (for printing). */
  all?: boolean;
  card: DrawCard;
  action: CardAction;
}

/** One group's cards, drawn a page at a time (5,000 open conflicts must appear at once). */
function Cards({ entries, revealId, all, card, action }: CardsProps) {
  const reveal = all ? entries.length - 1 : revealId ? entries.findIndex((e) => e.conflict.id === revealId) : -1;
  const state = useShowMore(entries.length, { first: 40, reveal: reveal >= 0 ? reveal : undefined });
  const list = useRef<HTMLOListElement>(null);
  useFocusRow(list, state.focusIndex);
  return (
    <>
      <ol className="conflict-list" ref={list}>
        {entries.slice(0, state.shown).map((entry, i) => card(entry, action, i, entries.length))}
      </ol>
      <ShowMore state={state} total={entries.length} noun="conflicts" />
    </>
  );
}

interface InfoGroupProps {
  entries: ConflictEntry[];
  revealId?: string | null;
  printing: boolean;
  card: DrawCard;
  onAccept: (entry: ConflictEntry) => void;
}

/**
 * Open info-level conflicts (overlaps of items that share time), folded under one line such as
 * "26 overlaps, mostly with windows"; its button unfolds them. Unfolds by itself for printing and
 * when one of them is jumped to from the timeline.
 */
function InfoGroup({ entries, revealId, printing, card, onAccept }: InfoGroupProps) {
  const ids = useId();
  const [unfolded, setUnfolded] = useState(false);
  const [revealed, setRevealed] = useState<string | null | undefined>(null);
  if (revealId !== revealed) {
    setRevealed(revealId);
    if (revealId && entries.some((e) => e.conflict.id === revealId)) setUnfolded(true);
  }
  const phrase = describeInfoGroup(entries.map((e) => e.conflict));
  const shown = unfolded || printing;
  return (
    <section aria-labelledby={`${ids}-head`} className="conflict-group info-group">
      <h3 id={`${ids}-head`}>
        <button
          type="button"
          className="fold-button"
          aria-expanded={shown}
          aria-controls={`${ids}-cards`}
          onClick={() => setUnfolded(!unfolded)}
        >
          <span aria-hidden="true" className="fold-mark">
            {shown ? '▾' : '▸'}
          </span>{' '}
          {phrase}
        </button>
      </h3>
      <p className="group-note">
        For information: items that share time, with nothing to resolve.
        {shown ? '' : ' Folded; the button above shows them.'}
      </p>
      <div id={`${ids}-cards`} hidden={!shown}>
        {shown && <Cards entries={entries} revealId={revealId} all={printing} card={card} action={{ onAccept }} />}
      </div>
    </section>
  );
}

/** The conflict list: filters, sort, export and print; errors and warnings first, info folded, accepted ones apart. */
export function ConflictList({
  entries,
  participants,
  displayZone,
  includeOptional,
  onOpenItem,
  onAccept,
  onReopen,
  onShowOnTimeline,
  revealId,
}: ConflictListProps) {
  const ids = useId();
  // Print draws every card first (the list on screen is drawn a page at a time).
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    if (!printing) return;
    window.print();
    setPrinting(false);
  }, [printing]);

  const nameOf = useMemo(() => new Map(participants.map((p) => [p.id as string, p.name])), [participants]);
  const participantName = (id: string) => nameOf.get(id) ?? id;
  const { rangeError, filtering, shown, toResolve: open, info, accepted } = useShownConflicts(entries, displayZone);
  const totalOpen = entries.filter((e) => e.state !== 'accepted' && toResolve(e.conflict)).length;

  /** One card: open ones offer Accept…, accepted ones Reopen. */
  const card: DrawCard = (entry, action, index, total) => (
    <li key={entry.conflict.id} data-row={index} aria-posinset={index + 1} aria-setsize={total}>
      <ConflictCard
        entry={entry}
        participantName={participantName}
        displayZone={displayZone}
        onOpenItem={onOpenItem}
        onShowOnTimeline={onShowOnTimeline}
        {...action}
      />
    </li>
  );

  const exportCsv = () => {
    const today = localDateOf(new Date().toISOString(), displayZone);
    // A byte-order mark so spreadsheets read the file as UTF-8 (en dashes, names in any script).
    downloadTextFile(
      `summitry-conflicts-${today}.csv`,
      `\uFEFF${conflictsToCsv([...open, ...info, ...accepted], { participants }, displayZone)}`,
      'text/csv;charset=utf-8',
    );
  };

  const resolveText =
    totalOpen === 0
      ? 'Nothing to resolve.'
      : `${describeCounts(countBySeverity(open.map((e) => e.conflict))) || 'None'} to resolve${filtering ? ` shown (of ${totalOpen})` : ''}, as counted on the Conflicts link.`;
  return (
    <div className="conflict-list-panel">
      <ConflictToolbar
        participants={participants}
        filtering={filtering}
        canExport={shown.length > 0}
        onExport={exportCsv}
        onPrint={() => setPrinting(true)}
      />
      {rangeError && (
        <p role="alert" className="field-error">
          {rangeError}
        </p>
      )}
      <p className="list-summary" role="status">
        {resolveText}
        {info.length > 0 && ` Folded below for information: ${describeInfoGroup(info.map((e) => e.conflict))}.`}{' '}
        {includeOptional
          ? 'Optional items are included.'
          : 'Optional items are left out (see “Include optional legs” above).'}
      </p>

      <section aria-labelledby={`${ids}-open`} className="conflict-group">
        <h3 id={`${ids}-open`}>Open ({open.length})</h3>
        {open.length === 0 ? (
          <p className="empty">{filtering ? 'No open error or warning matches the filters.' : 'Nothing to resolve.'}</p>
        ) : (
          <Cards entries={open} revealId={revealId} all={printing} card={card} action={{ onAccept }} />
        )}
      </section>

      {info.length > 0 && (
        <InfoGroup entries={info} revealId={revealId} printing={printing} card={card} onAccept={onAccept} />
      )}

      <section aria-labelledby={`${ids}-accepted`} className="conflict-group accepted-group">
        <h3 id={`${ids}-accepted`}>Accepted ({accepted.length})</h3>
        {accepted.length === 0 ? (
          <p className="empty">
            No conflict is accepted{filtering ? ' among those shown' : ''}. Accept one with a note when it is known and
            fine.
          </p>
        ) : (
          <Cards entries={accepted} revealId={revealId} all={printing} card={card} action={{ onReopen }} />
        )}
      </section>
    </div>
  );
}
