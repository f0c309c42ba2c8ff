import { useId, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { db, failureMessage, recordBackup } from '../../db';
import { downloadTextFile } from '../../components/download';
import { usePlan } from '../../db/hooks';
import { exportBackup, loadSnapshot } from '../../db/io';
import { encryptBackup, MIN_PASSPHRASE_LENGTH } from '../../domain/files';
import { exportCalendar, selectCalendarItems, type CalendarSelection } from '../../domain/files';
import { useUiStore } from '../../store/ui-store';
import { useUndoStore } from '../../store/undo-store';
import { APP_VERSION, countOf } from '../../domain/model';
import { fileBaseName } from './files';
import { loadVtimezones } from './vtimezones';

type Format = 'json' | 'encrypted' | 'ics';
type Scope = 'plan' | 'visit' | 'filter';

const FORMATS: { value: Format; label: string; hint: string }[] = [
  {
    value: 'json',
    label: 'Backup (.json)',
    hint: 'Everything, in a documented format this app (or a colleague’s) can import again.',
  },
  {
    value: 'encrypted',
    label: 'Encrypted backup',
    hint: 'The same backup, sealed with a passphrase (AES-256-GCM). Without the passphrase it cannot be opened.',
  },
  {
    value: 'ics',
    label: 'Calendar (.ics)',
    hint: 'For Google Calendar, Outlook or Apple Calendar. Importing it here again updates the same items.',
  },
];

/** Export…: a backup (plain or encrypted) or a calendar file of the plan, one visit, or the current filter. */
export function ExportDialog({ onClose }: { onClose: () => void }) {
  const plan = usePlan();
  const filters = useUiStore((s) => s.filters);
  const includeOptional = useUiStore((s) => s.includeOptional);
  const notify = useUndoStore((s) => s.notify);
  const [format, setFormat] = useState<Format>('json');
  const [scope, setScope] = useState<Scope>('plan');
  const [visitId, setVisitId] = useState('');
  const [utcTimes, setUtcTimes] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const ids = { visit: useId(), pass: useId(), repeat: useId() };

  const visits = plan ? [...plan.visits].sort((a, b) => a.title.localeCompare(b.title)) : [];
  const chosenVisit = visitId || visits[0]?.id || '';
  const filterOn =
    filters.participantIds.length + filters.kinds.length + filters.statuses.length > 0 || !includeOptional;
  const filterText = [
    filters.participantIds.length ? countOf(filters.participantIds.length, 'participant') : '',
    filters.kinds.length ? `kinds: ${filters.kinds.join(', ')}` : '',
    filters.statuses.length ? `statuses: ${filters.statuses.join(', ')}` : '',
    includeOptional ? '' : 'optional items left out',
  ]
    .filter(Boolean)
    .join('; ');
  const selection: CalendarSelection =
    scope === 'visit'
      ? { kind: 'visit', visitId: chosenVisit }
      : scope === 'filter'
        ? { kind: 'filter', filter: { ...filters, includeOptional } }
        : { kind: 'plan' };
  const icsCount = plan
    ? Object.values(selectCalendarItems(plan, selection)).reduce((n, list) => n + list.length, 0)
    : 0;
  const effectiveScope: Scope = format !== 'ics' && scope === 'filter' ? 'plan' : scope;

  const run = async () => {
    setError(null);
    const now = new Date().toISOString();
    try {
      const snapshot = await loadSnapshot(db);
      const visit = snapshot.plan.visits.find((v) => v.id === chosenVisit);
      const label = effectiveScope === 'visit' && visit ? visit.title : snapshot.planName;
      const base = fileBaseName(label, now);
      if (format === 'ics') {
        if (!utcTimes) setBusy('Loading time-zone definitions…');
        const vtimezone = utcTimes ? undefined : await loadVtimezones();
        const text = exportCalendar(snapshot.plan, selection, {
          now,
          appVersion: APP_VERSION,
          timeFormat: utcTimes ? 'utc' : 'local',
          vtimezone,
          calendarName:
            effectiveScope === 'visit' && visit ? `${snapshot.planName}: ${visit.title}` : snapshot.planName,
        });
        downloadTextFile(`${base}.ics`, text, 'text/calendar;charset=utf-8');
        notify(`Calendar file saved: ${base}.ics (${icsCount} items).`);
        onClose();
        return;
      }
      const backupScope =
        effectiveScope === 'visit' ? { kind: 'visit' as const, visitId: chosenVisit } : { kind: 'plan' as const };
      const text = await exportBackup(db, backupScope, { appVersion: APP_VERSION, now });
      if (format === 'json') {
        downloadTextFile(`${base}.json`, text, 'application/json');
        await recordBackup(db, now);
        notify(`Backup saved: ${base}.json.`);
        onClose();
        return;
      }
      if (passphrase.length < MIN_PASSPHRASE_LENGTH)
        return setError(`The passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters long.`);
      if (passphrase !== repeat) return setError('The two passphrases differ.');
      setBusy('Encrypting…');
      const sealed = await encryptBackup(text, passphrase);
      downloadTextFile(`${base}.encrypted.json`, sealed, 'application/json');
      await recordBackup(db, now);
      notify(`Encrypted backup saved: ${base}.encrypted.json. Keep the passphrase safe.`);
      onClose();
    } catch (err) {
      setError(failureMessage('The export failed', err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Dialog title="Export" onClose={busy ? () => undefined : onClose}>
      <form
        className="io-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <fieldset>
          <legend>Format</legend>
          {FORMATS.map((f) => (
            <label key={f.value} className="io-option">
              <input
                type="radio"
                name="format"
                value={f.value}
                checked={format === f.value}
                onChange={() => setFormat(f.value)}
              />
              <span>
                <strong>{f.label}</strong>
                <span className="io-hint">{f.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>

        <fieldset>
          <legend>What to export</legend>
          <label className="check">
            <input
              type="radio"
              name="scope"
              value="plan"
              checked={effectiveScope === 'plan'}
              onChange={() => setScope('plan')}
            />
            The whole plan
          </label>
          <span className="io-visit">
            <label className="check">
              <input
                type="radio"
                name="scope"
                value="visit"
                checked={effectiveScope === 'visit'}
                disabled={visits.length === 0}
                onChange={() => setScope('visit')}
              />
              One visit
            </label>
            <label htmlFor={ids.visit} className="visually-hidden">
              Visit
            </label>
            <select
              id={ids.visit}
              value={chosenVisit}
              disabled={visits.length === 0}
              onChange={(e) => {
                setVisitId(e.target.value);
                setScope('visit');
              }}
            >
              {visits.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.title}
                </option>
              ))}
            </select>
          </span>
          <label className="check">
            <input
              type="radio"
              name="scope"
              value="filter"
              checked={effectiveScope === 'filter'}
              disabled={format !== 'ics'}
              onChange={() => setScope('filter')}
            />
            The current filter
            {format !== 'ics'
              ? ' (calendar files only)'
              : filterOn
                ? ` (${filterText})`
                : ' (no filter set: everything)'}
          </label>
        </fieldset>

        {format === 'ics' && plan && (
          <>
            <p className="io-hint">
              {icsCount} items: events, legs (as events naming their mode and number) and windows.
            </p>
            <label className="io-option">
              <input type="checkbox" checked={utcTimes} onChange={(e) => setUtcTimes(e.target.checked)} />
              <span>
                <strong>Times in UTC</strong>
                <span className="io-hint">
                  {utcTimes
                    ? 'Every time is written in UTC; calendar apps convert it to their own zone.'
                    : 'Off: each time is written in its place’s zone (with that zone’s rules), so Outlook and Apple Calendar show the local time there. All-day items stay plain dates.'}
                </span>
              </span>
            </label>
          </>
        )}

        {format === 'encrypted' && (
          <div className="io-pass">
            <div className="field">
              <label htmlFor={ids.pass}>Passphrase (at least {MIN_PASSPHRASE_LENGTH} characters)</label>
              <input
                id={ids.pass}
                type="password"
                autoComplete="new-password"
                value={passphrase}
                onChange={(e) => setPassphrase(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={ids.repeat}>Repeat the passphrase</label>
              <input
                id={ids.repeat}
                type="password"
                autoComplete="new-password"
                value={repeat}
                onChange={(e) => setRepeat(e.target.value)}
              />
            </div>
          </div>
        )}

        {error && (
          <p role="alert" className="save-error">
            {error}
          </p>
        )}
        {busy && <p role="status">{busy}</p>}
        <div className="actions">
          <span className="spacer" />
          <button type="button" onClick={onClose} disabled={!!busy}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!!busy || !plan}>
            Download
          </button>
        </div>
      </form>
    </Dialog>
  );
}
