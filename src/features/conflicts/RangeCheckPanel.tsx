import { useId, useMemo } from 'react';
import { RangeCheckForm } from './RangeCheckForm';
import { StatusPill } from '../../components/StatusPill';
import type { ItemRef } from '../../domain/conflicts';
import type { Plan } from '../../domain/model';
import { checkRange, defaultCheckDates, type RangeHit } from '../../domain/planning';
import { useConflictsViewStore, type RangeCheckInput } from '../../store/conflicts-view-store';

function HitList({ hits, onOpenItem }: { hits: RangeHit[]; onOpenItem: (item: ItemRef) => void }) {
  return (
    <ul className="range-hits">
      {hits.map((h) => (
        <li key={`${h.item.type}:${h.item.id}`} className={`range-hit relation-${h.relation}`}>
          <span className="range-hit-title">
            <button type="button" className="link" onClick={() => onOpenItem(h.item)}>
              {h.item.title}
            </button>
            {h.optional && <span className="tag">optional</span>}
          </span>
          <span className="range-hit-margin">{h.description}</span>
          <span className="range-hit-meta">
            <span className="tag kind">{h.kind.replace('-', ' ')}</span> {h.when} <StatusPill status={h.status} />
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Pick a range of days and list everything it overlaps or comes near, with the margins. */
export function RangeCheckPanel({
  plan,
  displayZone,
  includeOptional,
  onOpenItem,
}: {
  plan: Plan;
  displayZone: string;
  includeOptional: boolean;
  onOpenItem: (item: ItemRef) => void;
}) {
  const stored = useConflictsViewStore((s) => s.rangeCheck);
  const setRangeCheck = useConflictsViewStore((s) => s.setRangeCheck);
  const input = useMemo<RangeCheckInput>(
    () =>
      stored ?? { ...defaultCheckDates(plan, displayZone, new Date().toISOString()), nearDays: 7, participantId: '' },
    [stored, plan, displayZone],
  );
  const id = useId();
  const set = (patch: Partial<RangeCheckInput>) => setRangeCheck({ ...input, ...patch });

  const { hits, error } = useMemo(() => {
    if (!input.startDate || !input.endDate) return { hits: [], error: 'Pick a first and a last day.' };
    try {
      return {
        hits: checkRange(plan, {
          startDate: input.startDate,
          endDate: input.endDate,
          zone: displayZone,
          nearDays: input.nearDays,
          includeOptional,
          participantIds: input.participantId ? [input.participantId] : undefined,
          excludeVisitId: input.visitId || undefined,
        }),
        error: null,
      };
    } catch (err) {
      return { hits: [], error: err instanceof Error ? err.message : String(err) };
    }
  }, [plan, input, displayZone, includeOptional]);

  const overlapping = hits.filter((h) => h.relation === 'overlaps');
  const near = hits.filter((h) => h.relation !== 'overlaps');
  const visit = plan.visits.find((v) => v.id === input.visitId);

  return (
    <div className="range-check">
      <RangeCheckForm plan={plan} displayZone={displayZone} input={input} set={set} />
      <p className="hint">
        Days in {displayZone.replace(/_/g, ' ')}, both included.
        {visit && ` The items of “${visit.title}” itself are left out.`}
        {includeOptional ? ' Optional items are included.' : ' Optional items are left out.'}
      </p>
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : (
        <div aria-live="polite">
          <section aria-labelledby={`${id}-overlaps`}>
            <h3 id={`${id}-overlaps`}>Overlaps ({overlapping.length})</h3>
            {overlapping.length ? (
              <HitList hits={overlapping} onOpenItem={onOpenItem} />
            ) : (
              <p className="empty">Nothing in the plan falls on these days.</p>
            )}
          </section>
          <section aria-labelledby={`${id}-nearby`}>
            <h3 id={`${id}-nearby`}>
              Within {input.nearDays} {input.nearDays === 1 ? 'day' : 'days'} ({near.length})
            </h3>
            {near.length ? <HitList hits={near} onOpenItem={onOpenItem} /> : <p className="empty">Nothing close by.</p>}
          </section>
        </div>
      )}
    </div>
  );
}
