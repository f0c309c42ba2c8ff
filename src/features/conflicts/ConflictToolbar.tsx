import { useId } from 'react';
import { SEVERITY_LABELS, SORT_KEYS, type SortKey } from '../../domain/conflicts';
import { RULE_LABELS, RULES, SEVERITIES, type RuleId } from '../../domain/conflicts';
import { ChoiceChecks } from '../../components/ChoiceChecks';
import type { Participant } from '../../domain/model';
import { useConflictsViewStore } from '../../store/conflicts-view-store';

const SORT_LABELS: Record<SortKey, string> = {
  date: 'Date',
  severity: 'Severity (worst first)',
  rule: 'Rule',
  margin: 'Margin',
};

export interface ConflictToolbarProps {
  participants: Participant[];
  filtering: boolean;
  canExport: boolean;
  onExport: () => void;
  onPrint: () => void;
}

/** The conflict list's filters (severity, rule, participant, dates), sort, CSV export and print. */
export function ConflictToolbar({ participants, filtering, canExport, onExport, onPrint }: ConflictToolbarProps) {
  const filter = useConflictsViewStore((s) => s.filter);
  const setFilter = useConflictsViewStore((s) => s.setFilter);
  const clearFilter = useConflictsViewStore((s) => s.clearFilter);
  const sortKey = useConflictsViewStore((s) => s.sortKey);
  const sortDirection = useConflictsViewStore((s) => s.sortDirection);
  const setSort = useConflictsViewStore((s) => s.setSort);
  const ids = useId();
  return (
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
      <button type="button" onClick={onExport} disabled={!canExport}>
        Export CSV
      </button>
      <button type="button" onClick={onPrint}>
        Print
      </button>
    </form>
  );
}
