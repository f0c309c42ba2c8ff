import { useEffect, useState } from 'react';
import { ChoiceChecks } from '../../components/ChoiceChecks';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { DateTimeField, refuseBadTimes } from '../../components/DateTimeField';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { ItemMissing } from '../../components/ItemMissing';
import { ZoneSelect } from '../../components/ZoneSelect';
import { db, repos } from '../../db';
import { runCommand } from '../../db/commands';
import { usePlan } from '../../db/hooks';
import { entryChanges, EVENT_KINDS, STATUSES, type HistoryEntry, type Place, type PlanEvent } from '../../domain/model';
import {
  addToLocal,
  formatLocalDate,
  formatLocalRange,
  instantToLocal,
  localDaysToInstants,
  localToInstant,
  toInstant,
  toMs,
} from '../../domain/time';
import { useUiStore } from '../../store/ui-store';
import { useUndoStore } from '../../store/undo-store';
import { undoOffer } from '../../db/undo-offer';
import { emptyEventForm, eventToForm, formToEvent, type EventFormValues } from './event-form';
import { SaveProblem, type SaveFailure } from './SaveProblem';
import { failureMessage, StaleEditError } from '../../db';
import './editor.css';
import { FormActions } from '../../components/FormActions';

const newId = () => `evt-${crypto.randomUUID()}`;

/**
 * The item editor, opened from any view through the store's `editor` target. `onShowHistory`
 * opens the History panel on the item (`events/<id>`).
 */
export function EditorDialog({ onShowHistory }: { onShowHistory?: (itemKey: string) => void } = {}) {
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
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    setForm(null);
    setMissing(false);
    if (!target) return;
    setErrors({});
    setSaveError(null);
    setBaseRev(0);
    if (target.mode === 'new') {
      const start = target.startsAt ? instantToLocal(target.startsAt, displayZone) : '';
      // An all-day selection ends at the start of the day after its last day.
      const end = target.endsAt
        ? instantToLocal(target.allDay ? toInstant(toMs(target.endsAt) - 1) : target.endsAt, displayZone)
        : '';
      setForm(
        emptyEventForm(
          displayZone,
          target.allDay ? start.slice(0, 10) : start,
          target.allDay ? end.slice(0, 10) : end,
          target.allDay,
        ),
      );
    } else if (target.type === 'event') {
      let live = true;
      repos.events.get(target.id).then(
        (e) => {
          if (!live) return;
          if (!e) return setMissing(true);
          setBaseRev(e.rev ?? 0);
          setForm(eventToForm(e));
        },
        () => live && setMissing(true),
      );
      return () => {
        live = false;
      };
    }
    // Opening is keyed on the target only; later zone changes must not reset a half-filled form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target]);

  if (target && missing) return <ItemMissing onClose={close} />;
  if (!target || !form) return null;
  const set = <K extends keyof EventFormValues>(key: K, value: EventFormValues[K]) =>
    setForm({ ...form, [key]: value });

  const onSubmit = async (ev: React.FormEvent) => {
    ev.preventDefault();
    if (refuseBadTimes(ev.currentTarget as HTMLFormElement)) return;
    const result = formToEvent(form, newId);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const started = performance.now();
      const { entry } = await runCommand(db, {
        label: `${baseRev ? 'Saved' : 'Added'} '${result.value.title}'`,
        put: { events: [result.value] },
        expect: { [`events/${result.value.id}`]: baseRev },
      });
      // Read by the benchmark: validation plus the IndexedDB write of one edit.
      performance.measure('summitry:edit-saved', { start: started, end: performance.now() });
      close();
      useUndoStore.getState().present(undoOffer(entry, `Saved "${result.value.title}".`));
    } catch (err) {
      // The form keeps the edit; after a stale refusal, saving again overwrites the other version.
      setSaveError({ error: err, unsaved: result.value });
      if (err instanceof StaleEditError) setBaseRev(err.actualRev ?? 0);
    } finally {
      setSaving(false);
    }
  };

  const onDiscard = () => {
    const stored =
      saveError?.error instanceof StaleEditError ? (saveError.error.stored as PlanEvent | undefined) : undefined;
    setSaveError(null);
    if (!stored) return close();
    setBaseRev(stored.rev ?? 0);
    setForm(eventToForm(stored));
  };

  const onDelete = async () => {
    if (!form.id) return;
    let entry: HistoryEntry | undefined;
    try {
      // The revision the editor opened: a delete made against a stale one is refused (issue 19).
      ({ entry } = await runCommand(db, {
        label: `Deleted '${form.title}'`,
        remove: { events: [form.id] },
        expect: { [`events/${form.id}`]: baseRev },
      }));
    } catch (err) {
      // The editor stays open on the edit; the toast says why nothing was deleted.
      useUndoStore.getState().notify(failureMessage('Not deleted', err));
      return;
    }
    close();
    if (entry)
      useUndoStore.getState().present(undoOffer(entry, `Deleted "${entryChanges(entry)[0]?.title ?? form.title}".`));
  };

  /** Move start and end together by whole days or hours (keyboard rescheduling). */
  const shift = (days: number, minutes: number) => {
    if (!form.start || !form.end) return;
    try {
      setForm({ ...form, start: addToLocal(form.start, days, minutes), end: addToLocal(form.end, days, minutes) });
    } catch {
      setErrors({ ...errors, start: 'Give a real date and time.' });
    }
  };
  const place = plan?.places.find((p) => p.id === form.placeId);

  const title = form.id ? `Edit ${form.title || 'item'}` : 'New item';
  return (
    <Dialog title={title} onClose={close}>
      <form className="editor" onSubmit={onSubmit} noValidate>
        <Field label="Title" error={errors.title}>
          {(id, describedBy) => (
            <input
              id={id}
              aria-describedby={describedBy}
              aria-invalid={!!errors.title}
              value={form.title}
              onChange={(e) => set('title', e.target.value)}
            />
          )}
        </Field>
        <div className="row">
          <ChoiceSelect
            label="Kind"
            value={form.kind}
            choices={EVENT_KINDS}
            describe={(k) => k.replace('-', ' ')}
            onChange={(k) => set('kind', k)}
          />
          <ChoiceSelect label="Status" value={form.status} choices={STATUSES} onChange={(s) => set('status', s)} />
          <label className="check">
            <input
              type="checkbox"
              checked={form.allDay}
              onChange={(e) =>
                setForm({
                  ...form,
                  allDay: e.target.checked,
                  start: form.start.slice(0, 10),
                  end: form.end.slice(0, 10),
                })
              }
            />
            All day
          </label>
        </div>
        <div className="row">
          {form.allDay ? (
            <>
              <DayField label="First day" error={errors.start} value={form.start} onChange={(v) => set('start', v)} />
              <DayField label="Last day" error={errors.end} value={form.end} onChange={(v) => set('end', v)} />
            </>
          ) : (
            <>
              <DateTimeField
                label="Start (local time in the zone below)"
                name="Start"
                error={errors.start}
                value={form.start}
                onChange={(v) => set('start', v)}
              />
              <DateTimeField label="End" error={errors.end} value={form.end} onChange={(v) => set('end', v)} />
            </>
          )}
        </div>
        <div className="row editor-move" role="group" aria-label="Move start and end together">
          <span>Move:</span>
          <button type="button" onClick={() => shift(-1, 0)}>
            1 day earlier
          </button>
          {!form.allDay && (
            <>
              <button type="button" onClick={() => shift(0, -60)}>
                1 hour earlier
              </button>
              <button type="button" onClick={() => shift(0, 60)}>
                1 hour later
              </button>
            </>
          )}
          <button type="button" onClick={() => shift(1, 0)}>
            1 day later
          </button>
        </div>
        <ZoneSelect label="Time zone" required value={form.timeZone} onChange={(z) => set('timeZone', z)} />
        {errors.timeZone && <p className="field-error">{errors.timeZone}</p>}
        <WhenSummary form={form} place={place} displayZone={displayZone} />
        <Field label="Place">
          {(id) => (
            <select
              id={id}
              value={form.placeId}
              onChange={(e) => {
                const place = plan?.places.find((p) => p.id === e.target.value);
                setForm({
                  ...form,
                  placeId: e.target.value,
                  timeZone: place && !form.id ? place.timeZone : form.timeZone,
                });
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
        <ChoiceChecks
          legend="Participants"
          choices={plan?.participants.map((p) => p.id) ?? []}
          describe={(id) => plan?.participants.find((p) => p.id === id)?.name ?? id}
          value={form.participantIds}
          onChange={(ids) => set('participantIds', ids)}
        />
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
        <FormActions submitLabel="Save" busy={saving} onCancel={close}>
          {form.id && (
            <button type="button" className="danger" onClick={onDelete}>
              Delete
            </button>
          )}
          {form.id && onShowHistory && (
            <button
              type="button"
              className="link"
              onClick={() => {
                close();
                onShowHistory(`events/${form.id}`);
              }}
            >
              History of this item
            </button>
          )}
        </FormActions>
      </form>
    </Dialog>
  );
}

/** The item's times at its place and in the display zone, as the form stands. */
function WhenSummary({
  form,
  place,
  displayZone,
}: {
  form: EventFormValues;
  place: Place | undefined;
  displayZone: string;
}) {
  const lines = describeWhen(form, place, displayZone);
  if (!lines) return null;
  return (
    <dl className="editor-when" aria-live="polite">
      {lines.map(([label, text]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{text}</dd>
        </div>
      ))}
    </dl>
  );
}

function describeWhen(form: EventFormValues, place: Place | undefined, displayZone: string): [string, string][] | null {
  if (!form.start || !form.end || !form.timeZone) return null;
  try {
    if (form.allDay) {
      const first = form.start.slice(0, 10);
      const last = form.end.slice(0, 10);
      if (last < first) return null;
      const { startsAt } = localDaysToInstants(first, last, form.timeZone);
      const days =
        first === last
          ? formatLocalDate(startsAt, form.timeZone)
          : `${formatLocalDate(startsAt, form.timeZone)} – ${formatLocalDate(localDaysToInstants(last, last, form.timeZone).startsAt, form.timeZone)}`;
      return [
        [
          `Local dates${place ? ` in ${place.name}` : ''} (${form.timeZone.replace(/_/g, ' ')})`,
          `${days}, all day; shown on these dates in every zone`,
        ],
      ];
    }
    const startsAt = localToInstant(form.start, form.timeZone);
    const endsAt = localToInstant(form.end, form.timeZone);
    if (endsAt <= startsAt) return null;
    const placeZone = place?.timeZone ?? form.timeZone;
    const at = (zone: string) => `${formatLocalDate(startsAt, zone)}, ${formatLocalRange(startsAt, endsAt, zone)}`;
    const lines: [string, string][] = [
      [`Local time${place ? ` in ${place.name}` : ''} (${placeZone.replace(/_/g, ' ')})`, at(placeZone)],
    ];
    if (placeZone !== form.timeZone)
      lines.push([`In the item's zone (${form.timeZone.replace(/_/g, ' ')})`, at(form.timeZone)]);
    if (displayZone !== placeZone)
      lines.push([`In your display zone (${displayZone.replace(/_/g, ' ')})`, at(displayZone)]);
    return lines;
  } catch {
    return null;
  }
}

/** One local date of an all-day item. */
function DayField({
  label,
  error,
  value,
  onChange,
}: {
  label: string;
  error: string | undefined;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={label} error={error}>
      {(id, describedBy) => (
        <input
          id={id}
          aria-describedby={describedBy}
          aria-invalid={!!error}
          type="date"
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
