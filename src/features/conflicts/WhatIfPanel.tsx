import { useMemo } from 'react';
import { countBySeverity, describeCounts } from '../../domain/conflicts';
import { RULE_LABELS, type Conflict, type ItemRef } from '../../domain/conflicts';
import { computeWhatIf, isEmptyDiff, sharedFinder, type WhatIfCase } from '../../domain/conflicts';
import type { Plan } from '../../domain/model';
import { SeverityBadge } from './SeverityBadge';

function ConflictLine({ conflict, onOpenItem }: { conflict: Conflict; onOpenItem: (item: ItemRef) => void }) {
  return (
    <li className="what-if-conflict">
      <SeverityBadge severity={conflict.severity} /> <strong>{RULE_LABELS[conflict.rule]}</strong>:{' '}
      {conflict.explanation}{' '}
      <span className="what-if-items">
        (
        {conflict.items.map((item, i) => (
          <span key={`${item.type}:${item.id}`}>
            {i > 0 && ', '}
            <button type="button" className="link" onClick={() => onOpenItem(item)}>
              {item.title}
            </button>
          </span>
        ))}
        )
      </span>
    </li>
  );
}

function Case({ c, onOpenItem }: { c: WhatIfCase; onOpenItem: (item: ItemRef) => void }) {
  const headingId = `what-if-${c.key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return (
    <section className={`what-if-case${isEmptyDiff(c.diff) ? ' empty' : ''}`} aria-labelledby={headingId}>
      <h3 id={headingId}>{c.sentence}</h3>
      {c.kind === 'item' && (
        <p className="hint">
          Optional {c.item.ref.type}:{' '}
          <button type="button" className="link" onClick={() => onOpenItem(c.item.ref)}>
            {c.item.ref.title}
          </button>
        </p>
      )}
      {c.diff.added.length > 0 && (
        <>
          <h4>Adds</h4>
          <ul>
            {c.diff.added.map((x) => (
              <ConflictLine key={x.id} conflict={x} onOpenItem={onOpenItem} />
            ))}
          </ul>
        </>
      )}
      {c.diff.removed.length > 0 && (
        <>
          <h4>Removes</h4>
          <ul>
            {c.diff.removed.map((x) => (
              <ConflictLine key={x.id} conflict={x} onOpenItem={onOpenItem} />
            ))}
          </ul>
        </>
      )}
      {c.diff.changed.length > 0 && (
        <>
          <h4>Changes</h4>
          <ul>
            {c.diff.changed.map(({ before, after }) => (
              <li key={after.id}>
                <strong>{RULE_LABELS[after.rule]}</strong>: {before.severity} → {after.severity}, {before.margin} →{' '}
                {after.margin}. {after.explanation}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The base plan against the plan with each optional item, all of them, and each saved scenario. */
export function WhatIfPanel({ plan, onOpenItem }: { plan: Plan; onOpenItem: (item: ItemRef) => void }) {
  const result = useMemo(() => computeWhatIf(plan, sharedFinder), [plan]);
  const baseCounts = describeCounts(countBySeverity(result.base));
  return (
    <div className="what-if">
      <p>
        <strong>Base plan</strong> (no optional items):{' '}
        {result.base.length === 0 ? 'no conflicts' : `${baseCounts} (${result.base.length} in all)`}. This comparison
        does not depend on the “Include optional legs” switch.
      </p>
      {result.cases.length === 0 ? (
        <p className="empty">The plan has no optional items and no saved scenarios to compare.</p>
      ) : (
        result.cases.map((c) => <Case key={c.key} c={c} onOpenItem={onOpenItem} />)
      )}
    </div>
  );
}
