import { useMemo, useState } from 'react';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { EVENT_KINDS, LEG_MODES, STATUSES, type Leg, type Place, type PlanEvent } from '../../domain/model';
import type { ItineraryStop } from '../../domain/planning';
import { MODE_LABELS } from '../../domain/model';
import { formToLeg, type LegFormValues } from './leg-form';
import { removeStop, saveLeg, saveStopEvent, stopRemoval } from './route-actions';
import { formToStopEvent, type StopFormValues } from './stop-form';

function PlaceSelect({
  id,
  describedBy,
  places,
  value,
  onChange,
  invalid,
}: {
  id: string;
  describedBy?: string;
  places: readonly Place[];
  value: string;
  onChange: (id: string) => void;
  invalid: boolean;
}) {
  const sorted = useMemo(() => [...places].sort((a, b) => a.name.localeCompare(b.name)), [places]);
  return (
    <select
      id={id}
      aria-describedby={describedBy}
      aria-invalid={invalid}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    >
      <option value="">— choose a place —</option>
      {sorted.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
          {p.codes?.iata ? ` (${p.codes.iata})` : ''} — {p.timeZone.replace(/_/g, ' ')}
        </option>
      ))}
    </select>
  );
}

const zoneHint = (places: readonly Place[], id: string) => {
  const p = places.find((x) => x.id === id);
  return p ? `Local time in ${p.name} (${p.timeZone.replace(/_/g, ' ')})` : 'Local time at the place';
};

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
          <Field label="Departs" error={errors.departs} hint={zoneHint(places, form.fromPlaceId)}>
            {(id, d) => (
              <input
                id={id}
                type="datetime-local"
                aria-describedby={d}
                aria-invalid={!!errors.departs}
                value={form.departs}
                onChange={(e) => set('departs', e.target.value)}
              />
            )}
          </Field>
          <Field label="Arrives" error={errors.arrives} hint={zoneHint(places, form.toPlaceId)}>
            {(id, d) => (
              <input
                id={id}
                type="datetime-local"
                aria-describedby={d}
                aria-invalid={!!errors.arrives}
                value={form.arrives}
                onChange={(e) => set('arrives', e.target.value)}
              />
            )}
          </Field>
        </div>
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
        <div className="actions">
          <span className="spacer" />
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={saving}>
            Save leg
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Add or edit a programme item at a place of the visit (what makes a stop). */
export function StopDialog({
  initial,
  existing,
  places,
  onClose,
  onMoreFields,
}: {
  initial: StopFormValues;
  existing?: PlanEvent;
  places: readonly Place[];
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
    <Dialog title={existing ? `Edit ${existing.title}` : 'Add stop'} onClose={onClose}>
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
                setForm((f) => ({
                  ...f,
                  allDay: e.target.checked,
                  start: f.start.slice(0, 10),
                  end: f.end.slice(0, 10),
                }))
              }
            />
            All day
          </label>
        </div>
        <div className="row">
          <Field
            label={form.allDay ? 'First day' : 'Starts'}
            error={errors.start}
            hint={zoneHint(places, form.placeId)}
          >
            {(id, d) => (
              <input
                id={id}
                type={form.allDay ? 'date' : 'datetime-local'}
                aria-describedby={d}
                aria-invalid={!!errors.start}
                value={form.start}
                onChange={(e) => set('start', e.target.value)}
              />
            )}
          </Field>
          <Field label={form.allDay ? 'Last day' : 'Ends'} error={errors.end}>
            {(id, d) => (
              <input
                id={id}
                type={form.allDay ? 'date' : 'datetime-local'}
                aria-describedby={d}
                aria-invalid={!!errors.end}
                value={form.end}
                onChange={(e) => set('end', e.target.value)}
              />
            )}
          </Field>
        </div>
        <label className="check">
          <input type="checkbox" checked={form.optional} onChange={(e) => set('optional', e.target.checked)} />
          Optional (shown only when optional items are included)
        </label>
        {saveError && (
          <p role="alert" className="save-error">
            Not saved: {saveError}
          </p>
        )}
        <div className="actions">
          {onMoreFields && (
            <button type="button" className="link" onClick={onMoreFields}>
              More fields (sources, topics, notes)…
            </button>
          )}
          <span className="spacer" />
          <button type="button" onClick={onClose}>
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

/** Confirm removing a stop: say exactly what goes. */
export function RemoveStopDialog({
  stop,
  legName,
  onClose,
}: {
  stop: ItineraryStop;
  legName?: string;
  onClose: () => void;
}) {
  const { eventIds, legIds } = stopRemoval(stop);
  return (
    <Dialog title={`Remove the stop in ${stop.city.name}?`} onClose={onClose}>
      <p>This deletes:</p>
      <ul>
        {legIds.length > 0 && <li>the leg that brings the principal there{legName ? ` (${legName})` : ''}</li>}
        {stop.events.map((e) => (
          <li key={e.id}>“{e.event.title}”</li>
        ))}
      </ul>
      {eventIds.length + legIds.length > 0 && (
        <p>Any leg that leaves from there is kept: edit its departure place afterwards. You can undo this.</p>
      )}
      <div className="actions">
        <span className="spacer" />
        <button type="button" onClick={onClose}>
          Keep the stop
        </button>
        <button
          type="button"
          className="danger"
          onClick={async () => {
            if (await removeStop(stop)) onClose();
          }}
        >
          Remove stop
        </button>
      </div>
    </Dialog>
  );
}
