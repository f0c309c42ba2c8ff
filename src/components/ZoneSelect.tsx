import { useId, useMemo } from 'react';

function allZones(): string[] {
  const supported = (Intl as unknown as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
  const zones = supported ? supported('timeZone') : [];
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

/** A labelled select of IANA time zones. */
export function ZoneSelect({
  label,
  value,
  onChange,
  name,
  required,
}: {
  label: string;
  value: string;
  onChange: (zone: string) => void;
  name?: string;
  required?: boolean;
}) {
  const id = useId();
  const zones = useMemo(() => {
    const list = allZones();
    return value && !list.includes(value) ? [value, ...list] : list;
  }, [value]);
  return (
    <span className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} value={value} required={required} onChange={(e) => onChange(e.target.value)}>
        {!required && <option value="">—</option>}
        {zones.map((z) => (
          <option key={z} value={z}>
            {z.replace(/_/g, ' ')}
          </option>
        ))}
      </select>
    </span>
  );
}
