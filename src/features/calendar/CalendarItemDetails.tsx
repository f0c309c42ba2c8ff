import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { ItemDetails } from '../../components/ItemDetails';
import { ItemMissing } from '../../components/ItemMissing';
import { StatusPill } from '../../components/StatusPill';
import { describeWriteError, repos } from '../../db';
import type { Conflict } from '../../domain/conflicts';
import type { Leg } from '../../domain/model';
import { formatLocalDate } from '../../domain/time';
import { EMPTY_FILTERS, useUiStore } from '../../store/ui-store';
import { useUndoStore } from '../../store/undo-store';
import { toCalendarEvents } from './calendar-adapter';
import { rescheduleItem, type Shift } from './reschedule';
import { undoOffer } from '../../db/undo-offer';

const HOUR = 3_600_000;
const MOVES: { label: string; shift: Shift }[] = [
  { label: '1 day earlier', shift: { days: -1, ms: 0 } },
  { label: '1 hour earlier', shift: { days: 0, ms: -HOUR } },
  { label: '1 hour later', shift: { days: 0, ms: HOUR } },
  { label: '1 day later', shift: { days: 1, ms: 0 } },
];

/**
 * A leg's or window's details: times in the display zone and at each place, who, notes,
 * sources. A leg can be moved from here with the keyboard; each move is saved at once.
 */
export function CalendarItemDetails({
  type,
  id,
  conflicts,
  onClose,
}: {
  type: 'leg' | 'window';
  id: string;
  /** Open conflicts near the visible range; this item's are listed. */
  conflicts?: readonly Conflict[];
  onClose: () => void;
}) {
  const displayZone = useUiStore((s) => s.displayZone);
  const [error, setError] = useState<string | null>(null);
  const data = useLiveQuery(
    async () => {
      const [record, places, participants] = await Promise.all([
        type === 'leg' ? repos.legs.get(id) : repos.windows.get(id),
        repos.places.all(),
        repos.participants.all(),
      ]);
      return { record: record ?? null, places, participants };
    },
    [type, id],
    null,
  );
  if (!data) return null;
  const { record } = data;
  if (!record) return <ItemMissing onClose={onClose} />;
  const input = toCalendarEvents(
    {
      events: [],
      legs: type === 'leg' ? [record as never] : [],
      windows: type === 'window' ? [record as never] : [],
      places: data.places,
      participants: data.participants,
    },
    { displayZone, includeOptional: true, filters: EMPTY_FILTERS, conflicts },
  )[0];
  if (!input) return null;
  const item = input.extendedProps.item;

  const move = async (shift: Shift, label: string) => {
    setError(null);
    try {
      const { entry } = await rescheduleItem(repos, 'leg', id, { kind: 'move', shift });
      useUndoStore.getState().present(undoOffer(entry, `Moved "${item.title}" ${label}.`));
    } catch (err) {
      setError(`Not moved: ${describeWriteError(err)}`);
    }
  };

  return (
    <ItemDetails
      title={item.title}
      onClose={onClose}
      lead={
        <p>
          <StatusPill status={item.status} /> {item.optional && <span className="tag">optional</span>}{' '}
          <span className="tag">{type === 'leg' ? `travel leg (${item.kind})` : item.kind}</span>
        </p>
      }
      rows={[
        {
          label: `In the display zone (${displayZone.replace(/_/g, ' ')})`,
          value:
            type === 'leg'
              ? `${formatLocalDate((record as Leg).departsAt, displayZone)}, ${item.displayWhen}`
              : item.displayWhen,
        },
        { label: 'Local time at the place', value: item.localWhen },
        item.participantNames.length > 0 && { label: 'Who', value: item.participantNames.join(', ') },
        item.conflicts.length > 0 && {
          label: 'Conflicts',
          value: (
            <ul>
              {item.conflicts.map((c, i) => (
                <li key={i}>
                  <strong>{c.rule}</strong> ({c.severity}): {c.explanation}
                </li>
              ))}
            </ul>
          ),
        },
      ]}
      notes={record.notes}
      sources={record.sources}
    >
      {type === 'leg' && (
        <div className="cal-move" role="group" aria-label="Move this leg (saved at once, keeps its duration)">
          <span>Move:</span>
          {MOVES.map((m) => (
            <button key={m.label} type="button" onClick={() => void move(m.shift, m.label)}>
              {m.label}
            </button>
          ))}
        </div>
      )}
      {error && (
        <p role="alert" className="save-error">
          {error}
        </p>
      )}
    </ItemDetails>
  );
}
