import { useId } from 'react';
import type { Plan } from '../../domain/model';
import { visitDateRange } from '../../domain/planning';
import type { RangeCheckInput } from '../../store/conflicts-view-store';

/** The days to check: a visit's dates or one's own, how near counts as near, and whose commitments. */
export function RangeCheckForm({
  plan,
  displayZone,
  input,
  set,
}: {
  plan: Plan;
  displayZone: string;
  input: RangeCheckInput;
  set: (patch: Partial<RangeCheckInput>) => void;
}) {
  const id = useId();
  return (
    <form className="range-form" aria-label="Dates to check" onSubmit={(e) => e.preventDefault()}>
      <span className="field">
        <label htmlFor={`${id}-visit`}>Take the dates of</label>
        <select
          id={`${id}-visit`}
          value={input.visitId}
          onChange={(e) => {
            const range = e.target.value ? visitDateRange(plan, e.target.value, displayZone) : null;
            set({ visitId: e.target.value, ...(range ?? {}) });
          }}
        >
          <option value="">— my own dates —</option>
          {plan.visits.map((v) => (
            <option key={v.id} value={v.id}>
              {v.title}
            </option>
          ))}
        </select>
      </span>
      <span className="field">
        <label htmlFor={`${id}-start`}>First day</label>
        <input
          id={`${id}-start`}
          type="date"
          value={input.startDate}
          onChange={(e) => set({ startDate: e.target.value })}
        />
      </span>
      <span className="field">
        <label htmlFor={`${id}-end`}>Last day</label>
        <input id={`${id}-end`} type="date" value={input.endDate} onChange={(e) => set({ endDate: e.target.value })} />
      </span>
      <span className="field">
        <label htmlFor={`${id}-near`}>Near means within (days)</label>
        <input
          id={`${id}-near`}
          type="number"
          min={0}
          max={60}
          value={input.nearDays}
          onChange={(e) => set({ nearDays: Math.min(60, Math.max(0, Number(e.target.value) || 0)) })}
        />
      </span>
      <span className="field">
        <label htmlFor={`${id}-who`}>Whose commitments</label>
        <select id={`${id}-who`} value={input.participantId} onChange={(e) => set({ participantId: e.target.value })}>
          <option value="">Everyone</option>
          {plan.participants.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </span>
    </form>
  );
}
