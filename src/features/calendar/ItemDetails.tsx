import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { StatusPill } from '../../components/StatusPill';
import { describeWriteError, repos } from '../../db';
import type { Conflict } from '../../domain/conflicts/types';
import { isSafeUrl, type Leg, type Source } from '../../domain/model';
import { formatLocalDate } from '../../domain/time';
import { EMPTY_FILTERS, useUiStore } from '../../store/ui-store';
import { useUndoStore } from '../../store/undo-store';
import { toCalendarEvents } from './calendar-adapter';
import { rescheduleItem, restoreItem, type Shift } from './reschedule';

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
export function ItemDetails({
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
  const offer = useUndoStore((s) => s.offer);
  const notify = useUndoStore((s) => s.notify);
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
  if (!record) {
    return (
      <Dialog title="Item not found" onClose={onClose}>
        <p>This item no longer exists. It may have been deleted in another tab.</p>
        <div className="actions">
          <span className="spacer" />
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </Dialog>
    );
  }
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
  const sources: Source[] = record.sources;

  const move = async (shift: Shift, label: string) => {
    setError(null);
    try {
      const { before } = await rescheduleItem(repos, 'leg', id, { kind: 'move', shift });
      offer(`Moved "${item.title}" ${label}.`, async () => {
        try {
          await restoreItem(repos, 'leg', before);
        } catch (err) {
          notify(`Could not undo: ${describeWriteError(err)}`);
        }
      });
    } catch (err) {
      setError(`Not moved: ${describeWriteError(err)}`);
    }
  };

  return (
    <Dialog title={item.title} onClose={onClose}>
      <div className="cal-details">
        <p>
          <StatusPill status={item.status} /> {item.optional && <span className="tag">optional</span>}{' '}
          <span className="tag">{type === 'leg' ? `travel leg (${item.kind})` : item.kind}</span>
        </p>
        <dl>
          <dt>In the display zone ({displayZone.replace(/_/g, ' ')})</dt>
          <dd>{type === 'leg' ? `${formatLocalDate((record as Leg).departsAt, displayZone)}, ${item.displayWhen}` : item.displayWhen}</dd>
          <dt>Local time at the place</dt>
          <dd>{item.localWhen}</dd>
          {item.participantNames.length > 0 && (
            <>
              <dt>Who</dt>
              <dd>{item.participantNames.join(', ')}</dd>
            </>
          )}
          {item.conflicts.length > 0 && (
            <>
              <dt>Conflicts</dt>
              <dd>
                <ul>
                  {item.conflicts.map((c, i) => (
                    <li key={i}>
                      <strong>{c.rule}</strong> ({c.severity}): {c.explanation}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
          {record.notes && (
            <>
              <dt>Notes</dt>
              <dd className="cal-notes">{record.notes}</dd>
            </>
          )}
          {sources.length > 0 && (
            <>
              <dt>Sources</dt>
              <dd>
                <ul>
                  {sources.map((s, i) => (
                    <li key={i}>
                      {s.url && isSafeUrl(s.url) ? (
                        <a href={s.url} target="_blank" rel="noreferrer noopener">
                          {s.title}
                        </a>
                      ) : (
                        s.title
                      )}
                      {s.date ? ` (${s.date})` : ''}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
        </dl>
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
        <div className="actions">
          <span className="spacer" />
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </Dialog>
  );
}
