import { ItemDetails } from '../../components/ItemDetails';
import { ItemMissing } from '../../components/ItemMissing';
import { StatusPill } from '../../components/StatusPill';
import type { ItemRef } from '../../domain/conflicts';
import type { Plan } from '../../domain/model';
import { describeWhen, planItems } from '../../domain/model';

/** Read-only details of a leg, window or visit (the editor edits events only). */
export function ItemDetailsDialog({ item, plan, onClose }: { item: ItemRef; plan: Plan; onClose: () => void }) {
  const nameOf = (id: string) => plan.participants.find((p) => p.id === id)?.name ?? id;
  const placeName = (id: string | undefined) => (id ? (plan.places.find((p) => p.id === id)?.name ?? id) : undefined);
  const dated = planItems(plan, { includeOptional: true }).find(
    (i) => i.ref.type === item.type && i.ref.id === item.id,
  );
  const leg = item.type === 'leg' ? plan.legs.find((l) => l.id === item.id) : undefined;
  const win = item.type === 'window' ? plan.windows.find((w) => w.id === item.id) : undefined;
  const visit = item.type === 'visit' ? plan.visits.find((v) => v.id === item.id) : undefined;
  const record = leg ?? win ?? visit;
  const title = dated?.ref.title ?? visit?.title ?? item.title;
  if (!record) return <ItemMissing title={title} message="This item is no longer in the plan." onClose={onClose} />;

  return (
    <ItemDetails
      title={title}
      onClose={onClose}
      rows={[
        {
          label: 'Type',
          value: leg
            ? `${leg.mode} leg${leg.optional ? ' (optional)' : ''}`
            : win
              ? win.kind === 'blackout'
                ? 'blackout'
                : 'window'
              : 'visit',
        },
        { label: 'Status', value: <StatusPill status={record.status} /> },
        dated && { label: 'When (local)', value: describeWhen(dated) },
        leg && { label: 'From → to', value: `${placeName(leg.fromPlaceId)} → ${placeName(leg.toPlaceId)}` },
        leg &&
          (leg.carrier || leg.number) && {
            label: 'Carrier',
            value: [leg.carrier, leg.number].filter(Boolean).join(' '),
          },
        win?.placeId && { label: 'Place', value: placeName(win.placeId) },
        visit && { label: 'Guest', value: `${nameOf(visit.guestId)} to ${visit.hostCountry}` },
        {
          label: 'Who',
          value: record.participantIds.length ? record.participantIds.map(nameOf).join(', ') : win ? 'Everyone' : '—',
        },
      ]}
      notes={record.notes}
      sources={record.sources}
    />
  );
}
