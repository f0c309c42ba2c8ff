import { useEffect, useId, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { ZoneSelect } from '../../components/ZoneSelect';
import { repos } from '../../db';
import { usePlan } from '../../db/hooks';
import { EVENT_KINDS, STATUSES, type PlanEvent } from '../../domain/model';
import { instantToLocal } from '../../domain/time';
import { useUiStore } from '../../store/ui-store';
import { useUndoStore } from '../../store/undo-store';
import { emptyEventForm, eventToForm, formToEvent, type EventFormValues } from './event-form';
import { SaveProblem, type SaveFailure } from './SaveProblem';
import { describeWriteError, StaleEditError } from '../../db';

const newId = () => `evt-${crypto.randomUUID()}`;

/** The item editor, opened from any view through the store's `editor` target. */
export function EditorDialog() {
  const target = useUiStore((s) => s.editor);
  const close = useUiStore((s) => s.closeEditor);
  const displayZone = useUiStore((s) => s.displayZone);
  const plan = usePlan();
  const [form, setForm] = useState<EventFormValues | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saveError, setSaveError] = useState<SaveFailure | null>(null);
  /** The revision the form was loaded from (0 for a new item): a save from a stale one is refused. */
  const [baseRev, setBaseRev] = useState(0);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!target) {
      setForm(null);
      return;
    }
    setErrors({});
    setSaveError(null);
    setBaseRev(0);
    if (target.mode === 'new') {
      const start = target.startsAt ? instantToLocal(target.startsAt, displayZone) : '';
      const end = target.endsAt ? instantToLocal(target.endsAt, displayZone) : '';
      setForm(emptyEventForm(displayZone, target.allDay ? start.slice(0, 10) : start, target.allDay ? end.slice(0, 10) : end, target.allDay));
    } else if (target.type === 'event') {
      void repos.events.get(target.id).then((e) => {
        setBaseRev(e?.rev ?? 0);
        setForm(e ? eventToForm(e) : null);
      });
    }
    // Opening is keyed on the target only; later zone changes must not reset a half-filled form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target]);

  if (!target || !form) return null;
  const set = <K extends keyof EventFormValues>(key: K, value: EventFormValues[K]) => setForm({ ...form, [key]: value });

  const onSubmit = async (ev: React.FormEvent) => {
    ev.preventDefault();
    const result = formToEvent(form, newId);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      await repos.events.put(result.value, { expectedRev: baseRev });
      close();
    } catch (err) {
      // The form keeps the edit; after a stale refusal, saving again overwrites the other version.
      setSaveError({ error: err, unsaved: result.value });
      if (err instanceof StaleEditError) setBaseRev(err.actualRev ?? 0);
    } finally {
      setSaving(false);
    }
  };

  const onDiscard = () => {
    const stored = saveError?.error instanceof StaleEditError ? (saveError.error.stored as PlanEvent | undefined) : undefined;
    setSaveError(null);
    if (!stored) return close();
    setBaseRev(stored.rev ?? 0);
    setForm(eventToForm(stored));
  };

  const onDelete = async () => {
    if (!form.id) return;
    const existing: PlanEvent | undefined = await repos.events.get(form.id);
    try {
      await repos.events.delete(form.id);
    } catch (err) {
      useUndoStore.getState().notify(`Not deleted: ${describeWriteError(err)}`);
      return;
    }
    close();
    if (existing) useUndoStore.getState().offer(`Deleted "${existing.title}"`, () => repos.events.put(existing).then(() => undefined));
  };

  const title = form.id ? `Edit ${form.title || 'item'}` : 'New item';
  return (
    <Dialog title={title} onClose={close}>
      <form className="editor" onSubmit={onSubmit} noValidate>
        <Field label="Title" error={errors.title}>
          {(id, describedBy) => (
            <input id={id} aria-describedby={describedBy} aria-invalid={!!errors.title} value={form.title} onChange={(e) => set('title', e.target.value)} />
          )}
        </Field>
        <div className="row">
          <Field label="Kind">
            {(id) => (
              <select id={id} value={form.kind} onChange={(e) => set('kind', e.target.value as EventFormValues['kind'])}>
                {EVENT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {k.replace('-', ' ')}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Status">
            {(id) => (
              <select id={id} value={form.status} onChange={(e) => set('status', e.target.value as EventFormValues['status'])}>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <label className="check">
            <input
              type="checkbox"
              checked={form.allDay}
              onChange={(e) =>
                setForm({ ...form, allDay: e.target.checked, start: form.start.slice(0, 10), end: form.end.slice(0, 10) })
              }
            />
            All day
          </label>
        </div>
        <div className="row">
          <Field label={form.allDay ? 'First day' : 'Start (local time in the zone below)'} error={errors.start}>
            {(id, describedBy) => (
              <input
                id={id}
                aria-describedby={describedBy}
                aria-invalid={!!errors.start}
                type={form.allDay ? 'date' : 'datetime-local'}
                value={form.start}
                onChange={(e) => set('start', e.target.value)}
              />
            )}
          </Field>
          <Field label={form.allDay ? 'Last day' : 'End'} error={errors.end}>
            {(id, describedBy) => (
              <input
                id={id}
                aria-describedby={describedBy}
                aria-invalid={!!errors.end}
                type={form.allDay ? 'date' : 'datetime-local'}
                value={form.end}
                onChange={(e) => set('end', e.target.value)}
              />
            )}
          </Field>
        </div>
        <ZoneSelect label="Time zone" required value={form.timeZone} onChange={(z) => set('timeZone', z)} />
        {errors.timeZone && <p className="field-error">{errors.timeZone}</p>}
        <Field label="Place">
          {(id) => (
            <select
              id={id}
              value={form.placeId}
              onChange={(e) => {
                const place = plan?.places.find((p) => p.id === e.target.value);
                setForm({ ...form, placeId: e.target.value, timeZone: place && !form.id ? place.timeZone : form.timeZone });
              }}
            >
              <option value="">— none —</option>
              {plan?.places
                .slice()
                .sort((a, b) => a.name.localeCompare(b.name))
                .map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} ({p.timeZone})
                  </option>
                ))}
            </select>
          )}
        </Field>
        <fieldset>
          <legend>Participants</legend>
          {plan?.participants.map((p) => (
            <label key={p.id} className="check">
              <input
                type="checkbox"
                checked={form.participantIds.includes(p.id)}
                onChange={(e) =>
                  set('participantIds', e.target.checked ? [...form.participantIds, p.id] : form.participantIds.filter((x) => x !== p.id))
                }
              />
              {p.name}
            </label>
          ))}
        </fieldset>
        <label className="check">
          <input type="checkbox" checked={form.optional} onChange={(e) => set('optional', e.target.checked)} />
          Optional (taken only when optional items are included)
        </label>
        <Field label="Topics (comma-separated)">
          {(id) => <input id={id} value={form.topics} onChange={(e) => set('topics', e.target.value)} />}
        </Field>
        <Field label="Sources (one a line: title | https://… | YYYY-MM-DD)">
          {(id) => <textarea id={id} rows={3} value={form.sources} onChange={(e) => set('sources', e.target.value)} />}
        </Field>
        <Field label="Notes">
          {(id) => <textarea id={id} rows={3} value={form.notes} onChange={(e) => set('notes', e.target.value)} />}
        </Field>
        {saveError && <SaveProblem failure={saveError} onDiscard={onDiscard} />}
        <div className="actions">
          {form.id && (
            <button type="button" className="danger" onClick={onDelete}>
              Delete
            </button>
          )}
          <span className="spacer" />
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={saving}>
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function Field({
  label,
  error,
  children,
}: {
  label: string;
  error?: string;
  children: (id: string, describedBy: string | undefined) => React.ReactNode;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <span className="field">
      <label htmlFor={id}>{label}</label>
      {children(id, error ? errorId : undefined)}
      {error && (
        <span id={errorId} className="field-error">
          {error}
        </span>
      )}
    </span>
  );
}
