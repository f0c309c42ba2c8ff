import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { wrapTab } from '../../components/focus-trap';
import { db } from '../../db';
import { countHistory, readHistory } from '../../db/history';
import { entryChanges, type HistoryEntry } from '../../domain/model';
import { formatLocalDateTime } from '../../domain/time';
import { useUiStore } from '../../store/ui-store';
import { useUndoStore } from '../../store/undo-store';
import type { NameOf } from './diff';
import { EntryView, type ZoneOf } from './EntryView';
import './history.css';

/** Entries per page; "Show older" adds another page (10,000 entries never render at once). */
const PAGE = 50;

const KIND_WORDS: Record<HistoryEntry['kind'], string> = {
  edit: 'Edit',
  import: 'Import',
  reset: 'Reset',
  undo: 'Undo',
};

/** The zone each record's instants are shown in: its own; a leg's, its places'. */
function useZoneOf(fallback: string): ZoneOf {
  const places = useLiveQuery(() => db.places.toArray(), [], []);
  return useMemo(() => {
    const zones = new Map(places.map((p) => [p.id as string, p.timeZone]));
    return (record, field) => {
      if (typeof record.timeZone === 'string') return record.timeZone;
      const place = field === 'arrivesAt' ? record.toPlaceId : record.fromPlaceId;
      return (typeof place === 'string' && zones.get(place)) || fallback;
    };
  }, [places, fallback]);
}

/** Places, participants and visits by id, so an entry shows "Beijing", not "beijing". */
function useNameOf(): NameOf {
  const names = useLiveQuery(
    async () => {
      const [places, people, visits] = await Promise.all([
        db.places.toArray(),
        db.participants.toArray(),
        db.visits.toArray(),
      ]);
      return new Map<string, string>([
        ...places.map((p) => [p.id as string, p.name] as const),
        ...people.map((p) => [p.id as string, p.name] as const),
        ...visits.map((v) => [v.id as string, v.title] as const),
      ]);
    },
    [],
    new Map<string, string>(),
  );
  return useCallback((id: string) => names.get(id), [names]);
}

function useTrap(onClose: () => void) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    ref.current?.querySelector<HTMLElement>('input')?.focus();
    return () => previous?.focus?.();
  }, []);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    } else if (e.key === 'Tab' && ref.current) {
      const focusable = [
        ...ref.current.querySelectorAll<HTMLElement>('input, select, textarea, button, a[href]'),
      ].filter((el) => !el.hasAttribute('disabled'));
      wrapTab(e, focusable);
    }
  };
  return { ref, onKeyDown };
}

/**
 * History: every change to the plan, newest first — when, on which device, what in plain words.
 * Filter by item (words of its title, or one item from its editor); open an entry to see each
 * record's fields before → after, undo it, or restore what it deleted.
 */
export function HistoryPanel({
  itemKey,
  onItem,
  onClose,
}: {
  itemKey: string | null;
  onItem: (key: string | null) => void;
  onClose: () => void;
}) {
  const zone = useUiStore((s) => s.displayZone);
  const notify = useUndoStore((s) => s.notify);
  const [text, setText] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const [open, setOpen] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const filterId = useId();
  const { ref, onKeyDown } = useTrap(onClose);
  const zoneOf = useZoneOf(zone);
  const nameOf = useNameOf();
  const page = useLiveQuery(
    () => readHistory(db, { limit, text, itemKey: itemKey ?? undefined }),
    [limit, text, itemKey],
    undefined,
  );
  const total = useLiveQuery(() => countHistory(db), [], 0);
  const itemTitle =
    itemKey &&
    (page?.entries[0] ? entryChanges(page.entries[0]) : []).find((c) => `${c.table}/${c.id}` === itemKey)?.title;
  const onSaid = useCallback(
    (message: string) => {
      setSaid(message);
      notify(message);
    },
    [notify],
  );

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={ref}
        className="history-panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby="history-title"
        onKeyDown={onKeyDown}
      >
        <div className="history-head">
          <h2 id="history-title">History</h2>
          <span className="history-count">{total === 1 ? '1 change' : `${total.toLocaleString('en')} changes`}</span>
          <span className="spacer" />
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
        <div className="history-filter">
          <label htmlFor={filterId}>Filter by item</label>
          <input
            id={filterId}
            type="search"
            value={text}
            placeholder="Words of an item’s title"
            onChange={(e) => {
              setText(e.target.value);
              setLimit(PAGE);
            }}
          />
          {itemKey && (
            <p className="history-item">
              Showing the history of {itemTitle ? `“${itemTitle}”` : 'one item'}.{' '}
              <button type="button" onClick={() => onItem(null)}>
                Show every change
              </button>
            </p>
          )}
        </div>
        <p role="status" className="history-said">
          {said}
        </p>
        {!page ? (
          <p aria-busy="true">Loading the history…</p>
        ) : page.entries.length === 0 ? (
          <p className="history-hint">
            {text || itemKey ? 'No change matches.' : 'No changes yet: every change to the plan will be listed here.'}
          </p>
        ) : (
          <ol className="history-list" aria-label="Changes, newest first">
            {page.entries.map((entry) => (
              <li key={entry.id} className={`history-entry kind-${entry.kind}`}>
                <button
                  type="button"
                  className="history-summary"
                  aria-expanded={open === entry.id}
                  onClick={() => setOpen(open === entry.id ? null : entry.id)}
                >
                  <span className="history-label">{entry.label}</span>
                  <span className="history-meta">
                    <time dateTime={entry.at}>{formatLocalDateTime(entry.at, zone)}</time> ·{' '}
                    {entry.deviceName ?? entry.deviceId} · {KIND_WORDS[entry.kind]}
                  </span>
                </button>
                {open === entry.id && <EntryView entry={entry} zoneOf={zoneOf} nameOf={nameOf} onSaid={onSaid} />}
              </li>
            ))}
          </ol>
        )}
        {page?.more && (
          <button type="button" className="history-older" onClick={() => setLimit((n) => n + PAGE)}>
            Show older changes
          </button>
        )}
      </div>
    </div>
  );
}
