import { useState } from 'react';
import type { ConflictRow, ConflictSide } from '../../db/sync-store';
import { currentRuntime } from './runtime';
import { useSyncUi } from './sync-state';
import { failureMessage } from '../../db';
import { formatLocalDateTime } from '../../domain/time';
import { useUiStore } from '../../store/ui-store';

function shown(c: ConflictRow, side: ConflictSide): string {
  if (c.kind === 'delete') return side === c.kept ? 'Deleted' : 'Edited';
  if (side.value === undefined || side.value === null || side.value === '') return '(empty)';
  return typeof side.value === 'string' ? side.value : JSON.stringify(side.value);
}

/** When a side was written, in the display zone and on the clock setting like every other time. */
function when(iso: string, zone: string): string {
  return Number.isNaN(Date.parse(iso)) ? iso : formatLocalDateTime(new Date(iso).toISOString(), zone);
}

/** The Sync conflicts list: each losing value beside the kept one, with who and when; the user keeps one. */
export function SyncConflicts() {
  const snapshot = useSyncUi((s) => s.snapshot);
  const zone = useUiStore((s) => s.displayZone);
  useUiStore((s) => s.clock); // re-render when the clock setting changes
  const [error, setError] = useState<string | null>(null);
  const members = new Map(snapshot?.members.map((m) => [m.id, m.name]));
  const who = (id: string) => members.get(id) ?? 'A member';
  const keep = async (c: ConflictRow, side: 'kept' | 'lost') => {
    setError(null);
    try {
      await currentRuntime()!.resolve(c, side);
    } catch (err) {
      setError(failureMessage('Could not keep that value', err));
    }
  };
  const conflicts = snapshot?.conflicts ?? [];
  const quarantined = snapshot?.quarantined ?? [];
  return (
    <>
      <section aria-labelledby="sync-conflicts">
        <h3 id="sync-conflicts">Sync conflicts</h3>
        {conflicts.length === 0 && <p className="muted">None: every change merged.</p>}
        <ul className="sync-list">
          {conflicts.map((c) => (
            <li key={c.id} className="sync-conflict">
              <strong>
                {c.title || c.recordId}: {c.kind === 'delete' ? 'deleted while edited' : c.field}
              </strong>
              <dl>
                <dt>Now</dt>
                <dd>
                  {shown(c, c.kept)} — {who(c.kept.by)}, {when(c.kept.at, zone)}
                </dd>
                <dt>Other</dt>
                <dd>
                  {shown(c, c.lost)} — {who(c.lost.by)}, {when(c.lost.at, zone)}
                </dd>
              </dl>
              <span className="spacer" />
              <button type="button" onClick={() => void keep(c, 'kept')}>
                Keep “{shown(c, c.kept).slice(0, 40)}”
              </button>
              <button type="button" onClick={() => void keep(c, 'lost')}>
                Keep “{shown(c, c.lost).slice(0, 40)}”
              </button>
            </li>
          ))}
        </ul>
        {error && (
          <p role="alert" className="sync-problem">
            {error}
          </p>
        )}
      </section>
      {quarantined.length > 0 && (
        <section aria-labelledby="sync-quarantine">
          <h3 id="sync-quarantine">Set aside</h3>
          <ul className="sync-list">
            {quarantined.map((q) => (
              <li key={q.id}>
                {q.table} {q.recordId}: {q.message}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
