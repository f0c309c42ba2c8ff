import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { usePlan } from '../../db/hooks';
import { STATUSES, type Status } from '../../domain/model';
import { saveNew, visitRecord, type VisitForm } from './create-records';
import { FormActions, FormProblem } from '../../components/FormActions';

/** New visit: a guest, a host country, who goes, a status. Its stops and legs are added in the Route. */
export function NewVisitDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (visitId: string) => void }) {
  const plan = usePlan();
  const people = plan?.participants ?? [];
  const [form, setForm] = useState<VisitForm>({
    title: '',
    guestId: '',
    hostCountry: '',
    participantIds: [],
    status: 'proposed',
    notes: '',
  });
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<VisitForm>) => setForm((f) => ({ ...f, ...patch }));
  const guest = form.guestId || people[0]?.id || '';

  const save = async () => {
    if (!guest) {
      setProblem('Add a participant first: a visit needs a guest.');
      return;
    }
    setBusy(true);
    const record = visitRecord({ ...form, guestId: guest }, crypto.randomUUID().slice(0, 8));
    const result = await saveNew('visits', record, `visit ${form.title}`);
    setBusy(false);
    if (result) setProblem(`The visit was not saved: ${result}`);
    else onCreated(record.id as string);
  };

  return (
    <Dialog title="New visit" onClose={onClose}>
      <form
        className="create-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="create-grid">
          <Field label="Title">
            {(id) => <input id={id} required value={form.title} onChange={(e) => set({ title: e.target.value })} />}
          </Field>
          <Field label="Guest" hint="Who travels">
            {(id, d) => (
              <select id={id} aria-describedby={d} value={guest} onChange={(e) => set({ guestId: e.target.value })}>
                {people.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Host country">
            {(id) => (
              <input id={id} required value={form.hostCountry} onChange={(e) => set({ hostCountry: e.target.value })} />
            )}
          </Field>
          <Field label="Status">
            {(id) => (
              <select id={id} value={form.status} onChange={(e) => set({ status: e.target.value as Status })}>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <fieldset className="create-people">
          <legend>Participants</legend>
          {people.map((p) => (
            <label key={p.id} className="check">
              <input
                type="checkbox"
                checked={p.id === guest || form.participantIds.includes(p.id)}
                disabled={p.id === guest}
                onChange={(e) =>
                  set({
                    participantIds: e.target.checked
                      ? [...form.participantIds, p.id]
                      : form.participantIds.filter((x) => x !== p.id),
                  })
                }
              />
              {p.name}
            </label>
          ))}
        </fieldset>
        <Field label="Notes">
          {(id) => <textarea id={id} rows={2} value={form.notes} onChange={(e) => set({ notes: e.target.value })} />}
        </Field>
        <FormProblem problem={problem} />
        <FormActions submitLabel="Add visit" busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
