import { EVENT_KINDS, STATUSES, type Participant } from '../../domain/model';
import { EMPTY_FILTERS, useUiStore } from '../../store/ui-store';
import { KIND_LABELS, STATUS_LABELS } from '../../domain/labels';

function toggle<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? [...list.filter((x) => x !== value), value] : list.filter((x) => x !== value);
}

/** Participant, kind and status filters; remembered across visits (the store persists them). */
export function CalendarFilters({ participants }: { participants: readonly Participant[] }) {
  const filters = useUiStore((s) => s.filters);
  const setFilters = useUiStore((s) => s.setFilters);
  const active = filters.participantIds.length + filters.kinds.length + filters.statuses.length;
  return (
    <details className="cal-panel cal-filters" open={active > 0 || undefined}>
      <summary>
        Filters{active > 0 ? ` (${active} on)` : ''}
      </summary>
      <p className="cal-hint">Nothing ticked in a group shows everything. Kinds apply to events; travel legs follow the participant and status filters.</p>
      <fieldset>
        <legend>Participants</legend>
        {participants.map((p) => (
          <label key={p.id} className="check">
            <input
              type="checkbox"
              checked={filters.participantIds.includes(p.id)}
              onChange={(e) => setFilters({ participantIds: toggle(filters.participantIds, p.id as string, e.target.checked) })}
            />
            {p.name}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Kinds</legend>
        {EVENT_KINDS.map((k) => (
          <label key={k} className="check">
            <input type="checkbox" checked={filters.kinds.includes(k)} onChange={(e) => setFilters({ kinds: toggle(filters.kinds, k, e.target.checked) })} />
            {KIND_LABELS[k]}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Statuses</legend>
        {STATUSES.map((s) => (
          <label key={s} className="check">
            <input
              type="checkbox"
              checked={filters.statuses.includes(s)}
              onChange={(e) => setFilters({ statuses: toggle(filters.statuses, s, e.target.checked) })}
            />
            {STATUS_LABELS[s]}
          </label>
        ))}
      </fieldset>
      <button type="button" onClick={() => setFilters(EMPTY_FILTERS)} disabled={active === 0}>
        Clear filters
      </button>
    </details>
  );
}
