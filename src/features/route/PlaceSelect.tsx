import { useMemo } from 'react';
import type { Place } from '../../domain/model';

/** A select of the plan's places, by name. */
export function PlaceSelect({
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

export const zoneHint = (places: readonly Place[], id: string) => {
  const p = places.find((x) => x.id === id);
  return p ? `Local time in ${p.name} (${p.timeZone.replace(/_/g, ' ')})` : 'Local time at the place';
};
