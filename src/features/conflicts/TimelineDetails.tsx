import { RULE_LABELS, type Conflict, type ItemRef } from '../../domain/conflicts';
import { SeverityBadge } from './SeverityBadge';
import type { Stop } from './timeline-scene';

/** What is selected on the timeline, with its conflicts and a button to open it. */
export function TimelineDetails({
  active,
  conflictsById,
  acceptedIds,
  onOpenItem,
  onShowInList,
}: {
  active: Stop | null;
  conflictsById: ReadonlyMap<string, Conflict>;
  acceptedIds: ReadonlySet<string>;
  onOpenItem: (item: ItemRef) => void;
  onShowInList: (conflict: Conflict) => void;
}) {
  const activeConflicts = active?.bar
    ? active.bar.conflictIds.map((id) => conflictsById.get(id)).filter((c): c is Conflict => !!c)
    : active?.conflict
      ? [active.conflict]
      : [];
  return (
    <div className="timeline-details" aria-label="Selected on the timeline" role="region">
      {!active ? (
        <p className="hint">Select an item or a conflict marker to see it here.</p>
      ) : active.bar ? (
        <>
          <h3>{active.bar.item.ref.title}</h3>
          <p>
            {active.bar.when} · {active.bar.item.status}
            {active.bar.item.optional ? ' · optional' : ''}
          </p>
          {active.bar.overlapsWith.length > 0 && (
            <p>Overlaps {active.bar.overlapsWith.map((t) => `“${t}”`).join(', ')} in this lane.</p>
          )}
          {activeConflicts.map((c) => (
            <p key={c.id} className="timeline-conflict">
              <SeverityBadge severity={c.severity} /> <strong>{RULE_LABELS[c.rule]}</strong>: {c.explanation}
              {acceptedIds.has(c.id) ? ' (accepted)' : ''}
            </p>
          ))}
          <button type="button" onClick={() => onOpenItem(active.bar!.item.ref)}>
            Open “{active.bar.item.ref.title}”
          </button>
        </>
      ) : active.conflict ? (
        <>
          <h3>
            <SeverityBadge severity={active.conflict.severity} /> {RULE_LABELS[active.conflict.rule]}
          </h3>
          <p>{active.conflict.explanation}</p>
          <button type="button" onClick={() => onShowInList(active.conflict!)}>
            Show in the list
          </button>
        </>
      ) : null}
    </div>
  );
}
