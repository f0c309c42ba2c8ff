import { useState } from 'react';
import { ChoiceChecks } from '../../components/ChoiceChecks';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { DateTimeField, refuseBadTimes } from '../../components/DateTimeField';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { EVENT_KINDS, STATUSES, type Participant, type Place, type PlanEvent } from '../../domain/model';
import { PlaceSelect, zoneHint } from './PlaceSelect';
import { saveStopEvent } from './route-actions';
import { formToStopEvent, type StopFormValues } from './stop-form';
import { FormActions } from '../../components/FormActions';

/** Add or edit a programme item at a place of the visit (what makes a stop). */
export function StopDialog({
  initial,
  existing,
  places,
  placeName,
  participants = [],
  onClose,
  onMoreFields,
}: {
  initial: StopFormValues;
  existing?: PlanEvent;
  places: readonly Place[];
  /** Adding an item at a stop: the dialog is named for it ("Add item in Beijing"). */
  placeName?: string;
  participants?: readonly Participant[];
  onClose: () => void;
  onMoreFields?: () => void;
}) {
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const set = <K extends keyof StopFormValues>(key: K, value: StopFormValues[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  const onSubmit = async (ev: React.FormEvent) => {
    ev.preventDefault();
    if (refuseBadTimes(ev.currentTarget as HTMLFormElement)) return;
    const result = formToStopEvent(form, places, () => `evt-${crypto.randomUUID()}`, existing);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setSaving(true);
    const problem = await saveStopEvent(result.value, existing);
    setSaving(false);
    setSaveError(problem);
    if (!problem) onClose();
  };

  return (
    <Dialog
      title={existing ? `Edit ${existing.title}` : placeName ? `Add item in ${placeName}` : 'Add stop'}
      onClose={onClose}
    >
      <form className="editor route-form" onSubmit={onSubmit} noValidate>
        <Field label="Place" error={errors.placeId}>
          {(id, d) => (
            <PlaceSelect
              id={id}
              describedBy={d}
              places={places}
              value={form.placeId}
              onChange={(v) => set('placeId', v)}
              invalid={!!errors.placeId}
            />
          )}
        </Field>
        <Field label="What happens there" error={errors.title}>
          {(id, d) => (
            <input
              id={id}
              aria-describedby={d}
              aria-invalid={!!errors.title}
              value={form.title}
              onChange={(e) => set('title', e.target.value)}
            />
          )}
        </Field>
        <StopKind form={form} set={set} />
        <StopTimes
          form={form}
          set={set}
          errors={errors}
          places={places}
          onAllDay={(allDay) =>
            setForm((f) => ({ ...f, allDay, start: f.start.slice(0, 10), end: f.end.slice(0, 10) }))
          }
        />
        {participants.length > 0 && (
          <ChoiceChecks
            legend="Participants"
            className="route-people"
            choices={participants.map((p) => p.id)}
            describe={(id) => participants.find((p) => p.id === id)?.name ?? id}
            value={form.participantIds}
            onChange={(ids) => set('participantIds', ids)}
          />
        )}
        <label className="check">
          <input type="checkbox" checked={form.optional} onChange={(e) => set('optional', e.target.checked)} />
          Optional (shown only when optional items are included)
        </label>
        {saveError && (
          <p role="alert" className="save-error">
            Not saved: {saveError}
          </p>
        )}
        <FormActions submitLabel="Save" busy={saving} onCancel={onClose}>
          {onMoreFields && (
            <button type="button" className="link" onClick={onMoreFields}>
              More fields (sources, topics, notes)…
            </button>
          )}
        </FormActions>
      </form>
    </Dialog>
  );
}

/** When a programme item starts and ends (local dates when all day). */
function StopTimes({
  form,
  set,
  errors,
  places,
  onAllDay,
}: {
  form: StopFormValues;
  set: <K extends keyof StopFormValues>(key: K, value: StopFormValues[K]) => void;
  errors: Record<string, string>;
  places: readonly Place[];
  onAllDay: (allDay: boolean) => void;
}) {
  return (
    <div className="row">
      <label className="check">
        <input type="checkbox" checked={form.allDay} onChange={(e) => onAllDay(e.target.checked)} />
        All day
      </label>
      {form.allDay ? (
        <>
          <Field label="First day" error={errors.start} hint={zoneHint(places, form.placeId)}>
            {(id, d) => (
              <DayInput
                id={id}
                describedBy={d}
                invalid={!!errors.start}
                value={form.start}
                onChange={(v) => set('start', v)}
              />
            )}
          </Field>
          <Field label="Last day" error={errors.end}>
            {(id, d) => (
              <DayInput
                id={id}
                describedBy={d}
                invalid={!!errors.end}
                value={form.end}
                onChange={(v) => set('end', v)}
              />
            )}
          </Field>
        </>
      ) : (
        <>
          <DateTimeField
            label="Starts"
            error={errors.start}
            hint={zoneHint(places, form.placeId)}
            value={form.start}
            onChange={(v) => set('start', v)}
          />
          <DateTimeField label="Ends" error={errors.end} value={form.end} onChange={(v) => set('end', v)} />
        </>
      )}
    </div>
  );
}

function StopKind({
  form,
  set,
}: {
  form: StopFormValues;
  set: <K extends keyof StopFormValues>(key: K, value: StopFormValues[K]) => void;
}) {
  return (
    <div className="row">
      <ChoiceSelect
        label="Kind"
        value={form.kind}
        choices={EVENT_KINDS}
        describe={(k) => k.replace('-', ' ')}
        onChange={(k) => set('kind', k)}
      />
      <ChoiceSelect label="Status" value={form.status} choices={STATUSES} onChange={(s) => set('status', s)} />
    </div>
  );
}

function DayInput(p: {
  id: string;
  describedBy: string | undefined;
  invalid: boolean;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <input
      id={p.id}
      type="date"
      aria-describedby={p.describedBy}
      aria-invalid={p.invalid}
      value={p.value}
      onChange={(e) => p.onChange(e.target.value)}
    />
  );
}
