import { useState } from 'react';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { DateTimeField, refuseBadTimes } from '../../components/DateTimeField';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { LEG_MODES, MODE_LABELS, STATUSES, type Leg, type Place } from '../../domain/model';
import { formToLeg, type LegFormValues } from './leg-form';
import { PlaceSelect, zoneHint } from './PlaceSelect';
import { saveLeg } from './route-actions';
import { FormActions } from '../../components/FormActions';

/** Add or edit a leg: places, mode, and departure/arrival in local time at each end. */
export function LegDialog({
  initial,
  existing,
  places,
  onClose,
}: {
  initial: LegFormValues;
  existing?: Leg;
  places: readonly Place[];
  onClose: () => void;
}) {
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const set = <K extends keyof LegFormValues>(key: K, value: LegFormValues[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const name = (id: string) => places.find((p) => p.id === id)?.name ?? id;

  const onSubmit = async (ev: React.FormEvent) => {
    ev.preventDefault();
    if (refuseBadTimes(ev.currentTarget as HTMLFormElement)) return;
    const result = formToLeg(form, places, () => `leg-${crypto.randomUUID()}`, existing);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setSaving(true);
    const problem = await saveLeg(result.value, existing, `${name(form.fromPlaceId)} → ${name(form.toPlaceId)}`);
    setSaving(false);
    setSaveError(problem);
    if (!problem) onClose();
  };

  return (
    <Dialog title={existing ? 'Edit leg' : 'Add leg'} onClose={onClose}>
      <form className="editor route-form" onSubmit={onSubmit} noValidate>
        <div className="row">
          <Field label="From" error={errors.fromPlaceId}>
            {(id, d) => (
              <PlaceSelect
                id={id}
                describedBy={d}
                places={places}
                value={form.fromPlaceId}
                onChange={(v) => set('fromPlaceId', v)}
                invalid={!!errors.fromPlaceId}
              />
            )}
          </Field>
          <Field label="To" error={errors.toPlaceId}>
            {(id, d) => (
              <PlaceSelect
                id={id}
                describedBy={d}
                places={places}
                value={form.toPlaceId}
                onChange={(v) => set('toPlaceId', v)}
                invalid={!!errors.toPlaceId}
              />
            )}
          </Field>
        </div>
        <div className="row">
          <DateTimeField
            label="Departs"
            error={errors.departs}
            hint={zoneHint(places, form.fromPlaceId)}
            value={form.departs}
            onChange={(v) => set('departs', v)}
          />
          <DateTimeField
            label="Arrives"
            error={errors.arrives}
            hint={zoneHint(places, form.toPlaceId)}
            value={form.arrives}
            onChange={(v) => set('arrives', v)}
          />
        </div>
        <LegDetails form={form} set={set} />
        <label className="check">
          <input type="checkbox" checked={form.optional} onChange={(e) => set('optional', e.target.checked)} />
          Optional leg (taken only when optional legs are included)
        </label>
        <Field label="Notes">
          {(id) => <textarea id={id} rows={3} value={form.notes} onChange={(e) => set('notes', e.target.value)} />}
        </Field>
        {saveError && (
          <p role="alert" className="save-error">
            Not saved: {saveError}
          </p>
        )}
        <FormActions submitLabel="Save leg" busy={saving} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

/** Mode, carrier, number and status of a leg. */
function LegDetails({
  form,
  set,
}: {
  form: LegFormValues;
  set: <K extends keyof LegFormValues>(key: K, value: LegFormValues[K]) => void;
}) {
  return (
    <div className="row">
      <ChoiceSelect
        label="Mode"
        value={form.mode}
        choices={LEG_MODES}
        describe={(m) => MODE_LABELS[m]}
        onChange={(m) => set('mode', m)}
      />
      <Field label="Carrier">
        {(id) => <input id={id} value={form.carrier} onChange={(e) => set('carrier', e.target.value)} />}
      </Field>
      <Field label="Flight or train number">
        {(id) => <input id={id} value={form.number} onChange={(e) => set('number', e.target.value)} />}
      </Field>
      <ChoiceSelect label="Status" value={form.status} choices={STATUSES} onChange={(s) => set('status', s)} />
    </div>
  );
}
