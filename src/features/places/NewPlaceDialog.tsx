import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { ZoneSelect } from '../../components/ZoneSelect';
import { usePlan } from '../../db/hooks';
import { PLACE_KINDS, type Place, type PlaceKind } from '../../domain/model';
import { zoneAt } from './gazetteer-source';
import { coordinate, EMPTY_PLACE, placeFormOf, placeRecord, saveNew, type PlaceForm } from './create-records';
import { PlaceSearch } from './PlaceSearch';
import { FormActions, FormProblem } from '../../components/FormActions';

const KIND_LABEL: Record<PlaceKind, string> = {
  city: 'City',
  airport: 'Airport',
  'rail-station': 'Railway station',
  venue: 'Venue',
};

/** New place: look it up in the offline gazetteer, or enter it; the zone can come from the coordinates. */
export function NewPlaceDialog({ onClose }: { onClose: () => void }) {
  const plan = usePlan();
  const [form, setForm] = useState<PlaceForm>(EMPTY_PLACE);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [zoneNote, setZoneNote] = useState<string | null>(null);
  const cities = (plan?.places ?? []).filter((p) => p.kind === 'city');
  const set = (patch: Partial<PlaceForm>) => setForm((f) => ({ ...f, ...patch }));
  const lat = coordinate(form.lat);
  const lon = coordinate(form.lon);

  const save = async () => {
    setBusy(true);
    const result = await saveNew('places', placeRecord(form, crypto.randomUUID().slice(0, 8)), `place ${form.name}`);
    setBusy(false);
    if (result) setProblem(`The place was not saved: ${result}`);
    else onClose();
  };

  return (
    <Dialog title="New place" onClose={onClose}>
      <form
        className="create-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <PlaceSearch
          onPick={(entry) => {
            const city = cities.find((c) => c.name === (entry.city || entry.name) && c.country === entry.country);
            setForm(placeFormOf(entry, entry.kind === 'city' ? '' : (city?.id ?? '')));
            setProblem(null);
          }}
        />
        <div className="create-grid">
          <Field label="Name">
            {(id) => <input id={id} required value={form.name} onChange={(e) => set({ name: e.target.value })} />}
          </Field>
          <Field label="Kind">
            {(id) => (
              <select id={id} value={form.kind} onChange={(e) => set({ kind: e.target.value as PlaceKind })}>
                {PLACE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {KIND_LABEL[k]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Country">
            {(id) => <input id={id} value={form.country} onChange={(e) => set({ country: e.target.value })} />}
          </Field>
          <Field label={form.kind === 'airport' ? 'IATA code' : 'Code'}>
            {(id) => <input id={id} value={form.code} onChange={(e) => set({ code: e.target.value })} />}
          </Field>
          <Field label="Latitude" hint="Decimal degrees, north positive">
            {(id, d) => (
              <input
                id={id}
                aria-describedby={d}
                inputMode="decimal"
                value={form.lat}
                onChange={(e) => set({ lat: e.target.value })}
              />
            )}
          </Field>
          <Field label="Longitude" hint="Decimal degrees, east positive">
            {(id, d) => (
              <input
                id={id}
                aria-describedby={d}
                inputMode="decimal"
                value={form.lon}
                onChange={(e) => set({ lon: e.target.value })}
              />
            )}
          </Field>
          <ZoneSelect label="Time zone" required value={form.timeZone} onChange={(timeZone) => set({ timeZone })} />
          <ZoneFromCoordinates
            lat={lat}
            lon={lon}
            onZone={(timeZone, from) => {
              set({ timeZone });
              setProblem(null);
              setZoneNote(`${timeZone}: the zone of the nearest known place (${from}).`);
            }}
            onProblem={setProblem}
          />
          {form.kind !== 'city' && (
            <CitySelect cities={cities} value={form.cityId} onChange={(cityId) => set({ cityId })} />
          )}
        </div>
        {zoneNote && <p className="field-hint">{zoneNote}</p>}
        <FormProblem problem={problem} />
        <FormActions submitLabel="Add place" busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

/** Fill the zone from the coordinates: the nearest known place's. */
function ZoneFromCoordinates({
  lat,
  lon,
  onZone,
  onProblem,
}: {
  lat: number;
  lon: number;
  onZone: (zone: string, from: string) => void;
  onProblem: (problem: string) => void;
}) {
  const ready = Number.isFinite(lat) && Number.isFinite(lon);
  return (
    <span className="field">
      <button
        type="button"
        disabled={!ready}
        title={ready ? undefined : 'Enter the latitude and longitude first'}
        onClick={() =>
          zoneAt(lat, lon).then(
            ({ zone, from }) => onZone(zone, from),
            (err: unknown) =>
              onProblem(`No zone for these coordinates: ${err instanceof Error ? err.message : String(err)}`),
          )
        }
      >
        Zone from coordinates
      </button>
    </span>
  );
}

function CitySelect({
  cities,
  value,
  onChange,
}: {
  cities: readonly Place[];
  value: string;
  onChange: (cityId: string) => void;
}) {
  return (
    <Field label="In city">
      {(id) => (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">(none)</option>
          {cities.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
