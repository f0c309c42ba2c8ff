import { ChoiceChecks } from '../../components/ChoiceChecks';
import { KIND_LABELS, STATUS_LABELS } from '../../domain/model';
import { EVENT_KINDS, STATUSES, type Participant } from '../../domain/model';
import { EMPTY_FILTERS, useUiStore } from '../../store/ui-store';

/** Participant, kind and status filters; remembered across visits (the store persists them). */
export function CalendarFilters({ participants }: { participants: readonly Participant[] }) {
  const filters = useUiStore((s) => s.filters);
  const setFilters = useUiStore((s) => s.setFilters);
  const active = filters.participantIds.length + filters.kinds.length + filters.statuses.length;
  return (
    <details className="cal-panel cal-filters" open={active > 0 || undefined}>
      <summary>Filters{active > 0 ? ` (${active} on)` : ''}</summary>
      <p className="cal-hint">
        Nothing ticked in a group shows everything. Kinds apply to events; travel legs follow the participant and status
        filters.
      </p>
      <ChoiceChecks
        legend="Participants"
        choices={participants.map((p) => p.id as string)}
        describe={(id) => participants.find((p) => p.id === id)?.name ?? id}
        value={filters.participantIds}
        onChange={(participantIds) => setFilters({ participantIds })}
      />
      <ChoiceChecks
        legend="Kinds"
        choices={EVENT_KINDS}
        describe={(k) => KIND_LABELS[k]}
        value={filters.kinds}
        onChange={(kinds) => setFilters({ kinds })}
      />
      <ChoiceChecks
        legend="Statuses"
        choices={STATUSES}
        describe={(s) => STATUS_LABELS[s]}
        value={filters.statuses}
        onChange={(statuses) => setFilters({ statuses })}
      />
      <button type="button" onClick={() => setFilters(EMPTY_FILTERS)} disabled={active === 0}>
        Clear filters
      </button>
    </details>
  );
}
