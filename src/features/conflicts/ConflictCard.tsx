import type { ConflictEntry } from '../../domain/conflicts';
import { RULE_LABELS, type ItemRef } from '../../domain/conflicts';
import { formatLocalDateTime } from '../../domain/time';
import { conflictDomId } from './dom-id';
import { SeverityBadge } from './SeverityBadge';

const TYPE_LABELS: Record<ItemRef['type'], string> = { event: 'event', leg: 'leg', window: 'window', visit: 'visit' };

export interface ConflictCardProps {
  entry: ConflictEntry;
  participantName: (id: string) => string;
  displayZone: string;
  onOpenItem: (item: ItemRef) => void;
  onAccept?: (entry: ConflictEntry) => void;
  onReopen?: (entry: ConflictEntry) => void;
  onShowOnTimeline?: (entry: ConflictEntry) => void;
}

/** One conflict: severity, rule, when, the explanation, its items (each opens), margin and actions. */
export function ConflictCard({
  entry,
  participantName,
  displayZone,
  onOpenItem,
  onAccept,
  onReopen,
  onShowOnTimeline,
}: ConflictCardProps) {
  const { conflict: c, state, acceptance } = entry;
  const headingId = conflictDomId(c.id);
  return (
    <article
      className={`conflict-card severity-${c.severity} state-${state}`}
      aria-labelledby={headingId}
      tabIndex={-1}
    >
      <header className="conflict-head">
        <SeverityBadge severity={c.severity} />
        <h4 id={headingId} className="conflict-rule">
          {RULE_LABELS[c.rule]}
        </h4>
        <time className="conflict-when" dateTime={c.at}>
          {formatLocalDateTime(c.at, displayZone)}
        </time>
        {c.onlyWith.length > 0 && (
          <span className="tag only-with">only with {c.onlyWith.map((i) => i.title).join(', ')}</span>
        )}
        {state === 'reopened' && <span className="tag reopened">reopened</span>}
      </header>
      <p className="conflict-explanation">{c.explanation}</p>
      {acceptance && (
        <p className="acceptance-note">
          {state === 'accepted' ? 'Accepted' : 'Was accepted'} on{' '}
          {formatLocalDateTime(acceptance.acceptedAt, displayZone)}: <q>{acceptance.note}</q>
          {state === 'reopened' && (
            <> Reopened because {entry.changedItems.map((i) => `“${i.title}”`).join(' and ')} changed since.</>
          )}
        </p>
      )}
      <div className="conflict-foot">
        <dl className="conflict-facts">
          <div>
            <dt>Items</dt>
            <dd>
              <ul className="conflict-items">
                {c.items.map((item) => (
                  <li key={`${item.type}:${item.id}`}>
                    <button type="button" className="link" onClick={() => onOpenItem(item)}>
                      {item.title}
                    </button>{' '}
                    <span className="item-type">({TYPE_LABELS[item.type]})</span>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
          <div>
            <dt>Margin</dt>
            <dd>{c.margin}</dd>
          </div>
          {c.participantIds.length > 0 && (
            <div>
              <dt>Who</dt>
              <dd>{c.participantIds.map(participantName).join(', ')}</dd>
            </div>
          )}
        </dl>
        <div className="conflict-actions">
          {onShowOnTimeline && (
            <button type="button" aria-describedby={headingId} onClick={() => onShowOnTimeline(entry)}>
              Show on timeline
            </button>
          )}
          {onAccept && state !== 'accepted' && (
            <button type="button" aria-describedby={headingId} onClick={() => onAccept(entry)}>
              {state === 'reopened' ? 'Accept again…' : 'Accept…'}
            </button>
          )}
          {onReopen && state === 'accepted' && (
            <button type="button" aria-describedby={headingId} onClick={() => onReopen(entry)}>
              Reopen
            </button>
          )}
        </div>
      </div>
    </article>
  );
}
