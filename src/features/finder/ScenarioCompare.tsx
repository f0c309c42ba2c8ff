import { useMemo, useState } from 'react';
import { Field } from '../../components/Field';
import { RULE_LABELS, type Conflict } from '../../domain/conflicts';
import type { Plan } from '../../domain/model';
import { sharedFinder } from '../../domain/conflicts';
import { compareVariants, type VariantOptions } from '../../domain/planning';
import { formatDuration, formatLocalDateTime } from '../../domain/time';
import { useUiStore } from '../../store/ui-store';

const PLAN = '__plan__';
const km = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

function signed(n: number, unit = ''): string {
  if (n === 0) return 'same';
  return `${n > 0 ? '+' : '−'}${Math.abs(n)}${unit}`;
}

/** Two variants side by side: conflicts by severity and which differ, travel totals, key dates. */
export function ScenarioCompare({ plan }: { plan: Plan }) {
  const includeOptional = useUiStore((s) => s.includeOptional);
  // What the user chose (null: not yet). Until then, and when a chosen scenario is gone, the
  // first two scenarios are compared — the plan may still be loading when this mounts.
  const [chosenA, setAId] = useState<string | null>(null);
  const [chosenB, setBId] = useState<string | null>(null);
  const exists = (id: string | null) => id !== null && (id === PLAN || plan.scenarios.some((s) => s.id === id));
  const aId = exists(chosenA) ? chosenA! : (plan.scenarios[0]?.id ?? PLAN);
  const bId = exists(chosenB) ? chosenB! : (plan.scenarios[1]?.id ?? PLAN);
  const variant = (id: string): VariantOptions & { label: string } => {
    const s = plan.scenarios.find((x) => x.id === id);
    return s
      ? { scenario: s, includeOptional, label: s.name }
      : { scenario: null, includeOptional, label: 'The plan as it stands' };
  };
  const cmp = useMemo(
    () => compareVariants(plan, variant(aId), variant(bId), sharedFinder),
    // `variant` reads only plan, includeOptional and the ids.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [plan, includeOptional, aId, bId],
  );
  const options = [
    { id: PLAN, label: `The plan as it stands (${includeOptional ? 'with' : 'without'} optional items)` },
    ...plan.scenarios.map((s) => ({ id: s.id as string, label: s.name })),
  ];
  const select = (label: string, value: string, onChange: (v: string) => void) => (
    <Field label={label}>
      {(id) => (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  const { a, b } = cmp;

  return (
    <section className="scenario-compare" aria-labelledby="compare-heading">
      <h3 id="compare-heading">Compare side by side</h3>
      <div className="row">
        {select('Compare', aId, setAId)}
        {select('with', bId, setBId)}
      </div>
      <table className="compare-table">
        <caption className="visually-hidden">
          {a.label} compared with {b.label}
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Measure</span>
            </th>
            <th scope="col">{a.label}</th>
            <th scope="col">{b.label}</th>
            <th scope="col">Second against first</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Errors</th>
            <td>{a.counts.error}</td>
            <td>{b.counts.error}</td>
            <td>{signed(cmp.countDelta.error)}</td>
          </tr>
          <tr>
            <th scope="row">Warnings</th>
            <td>{a.counts.warning}</td>
            <td>{b.counts.warning}</td>
            <td>{signed(cmp.countDelta.warning)}</td>
          </tr>
          <tr>
            <th scope="row">Overlaps (for information)</th>
            <td>{a.counts.info}</td>
            <td>{b.counts.info}</td>
            <td>{signed(cmp.countDelta.info)}</td>
          </tr>
          <tr>
            <th scope="row">Legs travelled</th>
            <td>{a.travel.legs}</td>
            <td>{b.travel.legs}</td>
            <td>{signed(cmp.travelDelta.legs)}</td>
          </tr>
          <tr>
            <th scope="row">Time travelling</th>
            <td>{formatDuration(a.travel.durationMs)}</td>
            <td>{formatDuration(b.travel.durationMs)}</td>
            <td>
              {cmp.travelDelta.durationMs === 0
                ? 'same'
                : `${cmp.travelDelta.durationMs > 0 ? '+' : '−'}${formatDuration(cmp.travelDelta.durationMs)}`}
            </td>
          </tr>
          <tr>
            <th scope="row">Distance (great circle)</th>
            <td>{km.format(a.travel.km)} km</td>
            <td>{km.format(b.travel.km)} km</td>
            <td>
              {Math.round(cmp.travelDelta.km) === 0
                ? 'same'
                : `${cmp.travelDelta.km > 0 ? '+' : '−'}${km.format(Math.abs(cmp.travelDelta.km))} km`}
            </td>
          </tr>
          {cmp.keyDateChanges.map((k) => (
            <tr key={k.visitId}>
              <th scope="row">{k.title}</th>
              <td>{k.a?.label ?? 'not in it'}</td>
              <td>{k.b?.label ?? 'not in it'}</td>
              <td>{k.a && k.b ? 'other dates' : k.a ? 'only in the first' : 'only in the second'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {cmp.keyDateChanges.length === 0 && <p className="muted">Every visit has the same dates in both.</p>}

      <div className="compare-lists">
        <ConflictList heading={`Conflicts only in “${a.label}”`} conflicts={cmp.onlyInA} />
        <ConflictList heading={`Conflicts only in “${b.label}”`} conflicts={cmp.onlyInB} />
      </div>

      {cmp.itemChanges.length > 0 && (
        <>
          <h4>Items whose dates differ</h4>
          <ul className="item-changes">
            {cmp.itemChanges.map((c) => (
              <li key={c.itemId}>
                <strong>{c.title}</strong>: {c.a ? formatLocalDateTime(c.a.startsAt, c.timeZone) : 'left out'} in “
                {a.label}”; {c.b ? formatLocalDateTime(c.b.startsAt, c.timeZone) : 'left out'} in “{b.label}”.
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

const SEVERITY_LABEL = { error: 'Error', warning: 'Warning', info: 'Info' } as const;

function ConflictItem({ c }: { c: Conflict }) {
  return (
    <li className={`severity-${c.severity}`}>
      <span className="severity">{SEVERITY_LABEL[c.severity]}</span> <strong>{RULE_LABELS[c.rule]}</strong>:{' '}
      {c.explanation}
    </li>
  );
}

/** Errors and warnings listed (errors first); overlaps for information folded away. */
function ConflictList({ heading, conflicts }: { heading: string; conflicts: Conflict[] }) {
  const serious = conflicts
    .filter((c) => c.severity !== 'info')
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  const info = conflicts.filter((c) => c.severity === 'info');
  return (
    <div>
      <h4>
        {heading}: {conflicts.length}
      </h4>
      {conflicts.length === 0 && <p className="muted">None.</p>}
      {serious.length > 0 && (
        <ul className="conflict-diff">
          {serious.slice(0, 50).map((c) => (
            <ConflictItem key={c.id} c={c} />
          ))}
          {serious.length > 50 && <li>…and {serious.length - 50} more.</li>}
        </ul>
      )}
      {info.length > 0 && (
        <details>
          <summary>
            {info.length} {info.length === 1 ? 'overlap' : 'overlaps'} for information
          </summary>
          <ul className="conflict-diff">
            {info.slice(0, 50).map((c) => (
              <ConflictItem key={c.id} c={c} />
            ))}
            {info.length > 50 && <li>…and {info.length - 50} more.</li>}
          </ul>
        </details>
      )}
    </div>
  );
}
