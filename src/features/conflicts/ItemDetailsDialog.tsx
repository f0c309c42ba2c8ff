import { Dialog } from '../../components/Dialog';
import { StatusPill } from '../../components/StatusPill';
import type { ItemRef } from '../../domain/conflicts/types';
import { isSafeUrl, type Plan, type Source } from '../../domain/model';
import { describeWhen, planItems } from '../../domain/plan-items';

function Sources({ sources }: { sources: readonly Source[] }) {
  if (sources.length === 0) return null;
  return (
    <>
      <dt>Sources</dt>
      <dd>
        <ul className="sources">
          {sources.map((s, i) => (
            <li key={i}>
              {s.url && isSafeUrl(s.url) ? (
                <a href={s.url} target="_blank" rel="noopener noreferrer">
                  {s.title}
                </a>
              ) : (
                s.title
              )}
              {s.date && ` (${s.date})`}
            </li>
          ))}
        </ul>
      </dd>
    </>
  );
}

/** Read-only details of a leg, window or visit (the editor edits events only). */
export function ItemDetailsDialog({ item, plan, onClose }: { item: ItemRef; plan: Plan; onClose: () => void }) {
  const nameOf = (id: string) => plan.participants.find((p) => p.id === id)?.name ?? id;
  const placeName = (id: string | undefined) => (id ? (plan.places.find((p) => p.id === id)?.name ?? id) : undefined);
  const dated = planItems(plan, { includeOptional: true }).find((i) => i.ref.type === item.type && i.ref.id === item.id);
  const leg = item.type === 'leg' ? plan.legs.find((l) => l.id === item.id) : undefined;
  const win = item.type === 'window' ? plan.windows.find((w) => w.id === item.id) : undefined;
  const visit = item.type === 'visit' ? plan.visits.find((v) => v.id === item.id) : undefined;
  const record = leg ?? win ?? visit;

  return (
    <Dialog title={dated?.ref.title ?? visit?.title ?? item.title} onClose={onClose}>
      {!record ? (
        <p>This item is no longer in the plan.</p>
      ) : (
        <dl className="item-details">
          <dt>Type</dt>
          <dd>
            {leg ? `${leg.mode} leg${leg.optional ? ' (optional)' : ''}` : win ? (win.kind === 'blackout' ? 'blackout' : 'window') : 'visit'}
          </dd>
          <dt>Status</dt>
          <dd>
            <StatusPill status={record.status} />
          </dd>
          {dated && (
            <>
              <dt>When (local)</dt>
              <dd>{describeWhen(dated)}</dd>
            </>
          )}
          {leg && (
            <>
              <dt>From → to</dt>
              <dd>
                {placeName(leg.fromPlaceId)} → {placeName(leg.toPlaceId)}
              </dd>
              {(leg.carrier || leg.number) && (
                <>
                  <dt>Carrier</dt>
                  <dd>{[leg.carrier, leg.number].filter(Boolean).join(' ')}</dd>
                </>
              )}
            </>
          )}
          {win?.placeId && (
            <>
              <dt>Place</dt>
              <dd>{placeName(win.placeId)}</dd>
            </>
          )}
          {visit && (
            <>
              <dt>Guest</dt>
              <dd>
                {nameOf(visit.guestId)} to {visit.hostCountry}
              </dd>
            </>
          )}
          <dt>Who</dt>
          <dd>{record.participantIds.length ? record.participantIds.map(nameOf).join(', ') : win ? 'Everyone' : '—'}</dd>
          {record.notes && (
            <>
              <dt>Notes</dt>
              <dd className="notes">{record.notes}</dd>
            </>
          )}
          <Sources sources={record.sources} />
        </dl>
      )}
      <div className="actions">
        <span className="spacer" />
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
