import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { db } from '../../db';
import { storedAfter } from '../../db/history';
import { deletedIn } from '../../db/undo';
import { restoreAndSay, undoAndSay } from '../../db/undo-offer';
import { entryChanges, type HistoryChange, type HistoryEntry } from '../../domain/model';
import { fieldRows, type NameOf } from './diff';

const TABLE_WORDS: Record<string, string> = {
  events: 'Item',
  legs: 'Leg',
  visits: 'Visit',
  places: 'Place',
  participants: 'Participant',
  windows: 'Window',
  scenarios: 'Scenario',
  acceptances: 'Accepted conflict',
  meta: 'Plan setting',
};

/** Changes shown at once in one entry (an import may hold thousands). */
const SHOWN = 40;

export type ZoneOf = (record: Record<string, unknown>, field: string) => string;

function verb(change: HistoryChange): string {
  if (!change.before) return 'Added';
  if (!change.after) return 'Deleted';
  return 'Changed';
}

function ChangeView({ change, zoneOf, nameOf }: { change: HistoryChange; zoneOf: ZoneOf; nameOf: NameOf }) {
  // A compact change keeps only the id and revision of its "after": the record is read from its
  // table (undefined while it is read). Any other change holds its "after" itself: shown at once,
  // not as "—" for every field until a read it does not need comes back.
  const stored = useLiveQuery(() => storedAfter(db, change), [change], undefined);
  const after = change.brief ? stored : change.after;
  const missing = change.brief && stored === null;
  const rows = after === undefined ? undefined : fieldRows(change.before, after, zoneOf, nameOf);
  const what = TABLE_WORDS[change.table] ?? change.table;
  return (
    <li className="history-change">
      <p>
        <strong>
          {verb(change)} {what.toLowerCase()} “{change.title || change.id}”
        </strong>
      </p>
      {missing ? (
        <p className="history-hint">Changed again since; see the later entries for this item.</p>
      ) : rows === undefined ? (
        <p className="history-hint" aria-busy="true">
          Reading the record…
        </p>
      ) : rows.length === 0 ? (
        <p className="history-hint">No field changed.</p>
      ) : (
        <table className="history-fields">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.field}>
                <th scope="row">{r.field}</th>
                <td className="before">{r.before}</td>
                <td className="after">
                  <span aria-hidden="true">→ </span>
                  {r.after}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </li>
  );
}

/** One opened entry: each record's field-level change, Undo, and Restore for what it deleted. */
export function EntryView({
  entry,
  zoneOf,
  nameOf,
  onSaid,
}: {
  entry: HistoryEntry;
  zoneOf: ZoneOf;
  nameOf: NameOf;
  onSaid: (message: string) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [count, setCount] = useState(SHOWN);
  const deleted = deletedIn(entry);
  const changes = entryChanges(entry);
  const shown = changes.slice(0, count);
  const act = async (run: () => Promise<string>) => {
    setBusy(true);
    onSaid(await run());
    setBusy(false);
  };
  return (
    <div className="history-entry-body">
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => act(() => undoAndSay(entry))}>
          Undo
        </button>
        {deleted.length > 0 && (
          <button type="button" disabled={busy} onClick={() => act(() => restoreAndSay(entry))}>
            Restore {deleted.length === 1 ? `“${deleted[0]!.title}”` : `${deleted.length} deleted items`}
          </button>
        )}
      </div>
      <ul className="history-changes">
        {shown.map((c) => (
          <ChangeView key={`${c.table}/${c.id}`} change={c} zoneOf={zoneOf} nameOf={nameOf} />
        ))}
      </ul>
      {changes.length > count && (
        <button type="button" onClick={() => setCount((n) => n + SHOWN)}>
          Show {Math.min(SHOWN, changes.length - count)} more of {changes.length.toLocaleString('en')} changes
        </button>
      )}
    </div>
  );
}
