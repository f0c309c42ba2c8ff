import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ConflictEntry } from '../../domain/conflicts';
import { conflictsToCsv } from '../../domain/conflicts';
import { filterConflictsBy, SORT_KEYS, sortConflictsBy, type SortKey } from '../../domain/conflicts';
import { countBySeverity, describeCounts, SEVERITY_LABELS } from '../../domain/conflicts';
import { RULE_LABELS, RULES, SEVERITIES, type ItemRef, type RuleId } from '../../domain/conflicts';
import { ChoiceChecks } from '../../components/ChoiceChecks';
import { ShowMore, useFocusRow, useShowMore } from '../../components/ShowMore';
import { downloadTextFile } from '../../components/download';
import type { Participant } from '../../domain/model';
import { localDaysToInstants, localDateOf } from '../../domain/time';
import { useConflictsViewStore } from '../../store/conflicts-view-store';
import { ConflictCard, type ConflictCardProps } from './ConflictCard';

const SORT_LABELS: Record<SortKey, string> = {
  date: 'Date',
  severity: 'Severity (worst first)',
  rule: 'Rule',
  margin: 'Margin',
};

const conflictOf = (entry: ConflictEntry) => entry.conflict;

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

interface CardsProps {
  entries: ConflictEntry[];
  revealId?: string | null;
  /** Draw them all (for printing). */
  all?: boolean;
  card: (entry: ConflictEntry, action: CardAction, index: number, total: number) => React.ReactNode;
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

/** The conflict list: filters, sort, export and print; open conflicts first, accepted ones apart. */
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
  const filter = useConflictsViewStore((s) => s.filter);
  const setFilter = useConflictsViewStore((s) => s.setFilter);
  const clearFilter = useConflictsViewStore((s) => s.clearFilter);
  const sortKey = useConflictsViewStore((s) => s.sortKey);
  const sortDirection = useConflictsViewStore((s) => s.sortDirection);
  const setSort = useConflictsViewStore((s) => s.setSort);
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

  const { rangeError, shown } = useMemo(() => {
    let from: string | undefined;
    let to: string | undefined;
    let rangeError: string | null = null;
    try {
      if (filter.fromDate) from = localDaysToInstants(filter.fromDate, filter.fromDate, displayZone).startsAt;
      if (filter.toDate) to = localDaysToInstants(filter.toDate, filter.toDate, displayZone).endsAt;
      if (from && to && to <= from) rangeError = 'The “to” date must be on or after the “from” date.';
    } catch {
      rangeError = 'Enter the dates as day, month and year.';
    }
    const filtered = filterConflictsBy(
      entries,
      {
        severities: filter.severities,
        rules: filter.rules,
        participantIds: filter.participantIds,
        from: rangeError ? undefined : from,
        to: rangeError ? undefined : to,
      },
      conflictOf,
    );
    return { rangeError, shown: sortConflictsBy(filtered, sortKey, sortDirection, conflictOf) };
  }, [entries, filter, displayZone, sortKey, sortDirection]);

  const open = shown.filter((e) => e.state !== 'accepted');
  const accepted = shown.filter((e) => e.state === 'accepted');
  const totalOpen = entries.filter((e) => e.state !== 'accepted').length;
  const filtering =
    filter.severities.length + filter.rules.length + filter.participantIds.length > 0 ||
    !!filter.fromDate ||
    !!filter.toDate;

  /** One card: open ones offer Accept…, accepted ones Reopen. */
  const card = (entry: ConflictEntry, action: CardAction, index: number, total: number) => (
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
      `\uFEFF${conflictsToCsv([...open, ...accepted], { participants }, displayZone)}`,
      'text/csv;charset=utf-8',
    );
  };

  return (
    <div className="conflict-list-panel">
      <form className="conflict-toolbar" aria-label="Filter and sort conflicts" onSubmit={(e) => e.preventDefault()}>
        <ChoiceChecks
          className="severity-filter"
          legend="Severity"
          choices={SEVERITIES}
          describe={(s) => SEVERITY_LABELS[s]}
          value={filter.severities}
          onChange={(severities) => setFilter({ severities })}
        />
        <span className="field">
          <label htmlFor={`${ids}-rule`}>Rule</label>
          <select
            id={`${ids}-rule`}
            value={filter.rules[0] ?? ''}
            onChange={(e) => setFilter({ rules: e.target.value ? [e.target.value as RuleId] : [] })}
          >
            <option value="">All rules</option>
            {RULES.map((r) => (
              <option key={r} value={r}>
                {RULE_LABELS[r]}
              </option>
            ))}
          </select>
        </span>
        <span className="field">
          <label htmlFor={`${ids}-who`}>Participant</label>
          <select
            id={`${ids}-who`}
            value={filter.participantIds[0] ?? ''}
            onChange={(e) => setFilter({ participantIds: e.target.value ? [e.target.value] : [] })}
          >
            <option value="">Everyone</option>
            {participants.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </span>
        <span className="field">
          <label htmlFor={`${ids}-from`}>From</label>
          <input
            id={`${ids}-from`}
            type="date"
            value={filter.fromDate}
            onChange={(e) => setFilter({ fromDate: e.target.value })}
          />
        </span>
        <span className="field">
          <label htmlFor={`${ids}-to`}>To</label>
          <input
            id={`${ids}-to`}
            type="date"
            value={filter.toDate}
            onChange={(e) => setFilter({ toDate: e.target.value })}
          />
        </span>
        <span className="field">
          <label htmlFor={`${ids}-sort`}>Sort by</label>
          <select id={`${ids}-sort`} value={sortKey} onChange={(e) => setSort(e.target.value as SortKey, 'asc')}>
            {SORT_KEYS.map((k) => (
              <option key={k} value={k}>
                {SORT_LABELS[k]}
              </option>
            ))}
          </select>
        </span>
        <button
          type="button"
          onClick={() => setSort(sortKey, sortDirection === 'asc' ? 'desc' : 'asc')}
          aria-label={`Order: ${sortDirection === 'asc' ? 'ascending' : 'descending'}; reverse it`}
        >
          {sortDirection === 'asc' ? '↑ Ascending' : '↓ Descending'}
        </button>
        {filtering && (
          <button type="button" onClick={clearFilter}>
            Clear filters
          </button>
        )}
        <span className="spacer" />
        <button type="button" onClick={exportCsv} disabled={shown.length === 0}>
          Export CSV
        </button>
        <button type="button" onClick={() => setPrinting(true)}>
          Print
        </button>
      </form>
      {rangeError && (
        <p role="alert" className="field-error">
          {rangeError}
        </p>
      )}
      <p className="list-summary" role="status">
        {totalOpen === 0
          ? 'No open conflicts.'
          : `${describeCounts(countBySeverity(open.map((e) => e.conflict))) || 'None'} open${filtering ? ` shown (of ${totalOpen})` : ''}.`}{' '}
        {includeOptional
          ? 'Optional items are included.'
          : 'Optional items are left out (see “Include optional legs” above).'}
      </p>

      <section aria-labelledby={`${ids}-open`} className="conflict-group">
        <h3 id={`${ids}-open`}>Open ({open.length})</h3>
        {open.length === 0 ? (
          <p className="empty">{filtering ? 'No open conflict matches the filters.' : 'Nothing to resolve.'}</p>
        ) : (
          <Cards entries={open} revealId={revealId} all={printing} card={card} action={{ onAccept }} />
        )}
      </section>

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
