import { useId, useMemo, useRef, useState } from 'react';
import {
  findZone,
  formatUtcOffset,
  isValidZone,
  searchZones,
  zoneAbbreviation,
  zoneChoices,
  zoneCountries,
  zoneOffsetMinutes,
  type ZoneChoice,
} from '../domain/time';
import './zone-select.css';

/** At most this many zones are listed at once; typing narrows the list. */
const SHOWN = 60;

/** "UTC+8 · CST (China) · China" for a zone now; '' for no zone. */
export function zoneSummary(zone: string, now = Date.now()): string {
  if (!zone || !isValidZone(zone)) return '';
  const instant = new Date(now).toISOString();
  const offset = formatUtcOffset(zoneOffsetMinutes(now, zone));
  const label = zoneAbbreviation(instant, zone);
  const parts = [offset, ...(label === offset ? [] : [label]), ...zoneCountries(zone)];
  return parts.join(' · ');
}

interface Listed {
  choice: ZoneChoice;
  label: string;
}

/** Every zone with its label now, made the first time the list opens. */
function useChoices(open: boolean): Listed[] | null {
  const made = useRef<Listed[] | null>(null);
  if (open && !made.current) {
    const now = Date.now();
    const instant = new Date(now).toISOString();
    made.current = zoneChoices(now, zoneOffsetMinutes).map((choice) => ({
      choice,
      label: zoneAbbreviation(instant, choice.zone),
    }));
  }
  return made.current;
}

/**
 * A time-zone picker: an ARIA combobox over every canonical IANA zone, searchable by city
 * ("Seoul", "Beijing"), country ("Korea"), zone name ("Asia/Kolkata"), abbreviation ("KST") or
 * offset ("UTC+8"); each zone shown with its UTC offset now. ↑/↓ move, Enter picks, Esc puts
 * the previous zone back. The chosen zone's offset, label and country are shown beneath.
 */
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
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const open = query !== null;
  const choices = useChoices(open);
  const results = useMemo(() => {
    if (!choices || query === null) return [];
    const byZone = new Map(choices.map((l) => [l.choice, l]));
    const found = searchZones(
      choices.map((l) => l.choice),
      query,
      (c) => byZone.get(c)?.label ?? '',
    );
    return found.map((c) => byZone.get(c)!);
  }, [choices, query]);
  const shown = results.slice(0, SHOWN);
  const options: { zone: string; listed?: Listed }[] = [
    ...(required || query ? [] : [{ zone: '' }]),
    ...shown.map((l) => ({ zone: l.choice.zone, listed: l })),
  ];
  const optionId = (i: number) => `${id}-opt-${i}`;

  const close = () => {
    setQuery(null);
    setActive(0);
  };
  const pick = (zone: string) => {
    close();
    if (zone !== value) onChange(zone);
  };
  /** Leaving the field: an exact zone name typed is taken; anything else puts the zone back. */
  const settle = () => {
    if (query === null) return;
    const exact = findZone(query);
    if (exact) pick(exact);
    else close();
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) {
        setQuery('');
        return;
      }
      const n = options.length;
      if (n > 0) setActive((a) => (e.key === 'ArrowDown' ? (a + 1) % n : (a - 1 + n) % n));
    } else if (e.key === 'Enter' && open) {
      e.preventDefault();
      const chosen = options[active];
      if (chosen) pick(chosen.zone);
      else settle();
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  };
  const summary = zoneSummary(value);
  return (
    <span className="field zone-select">
      <label htmlFor={`${id}-q`}>{label}</label>
      <input
        id={`${id}-q`}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={open && options[active] ? optionId(active) : undefined}
        aria-describedby={`${id}-hint`}
        placeholder={required ? 'City, country or zone' : 'No zone'}
        value={query ?? value}
        onFocus={(e) => e.currentTarget.select()}
        onClick={() => {
          if (!open) setQuery('');
        }}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onBlur={settle}
        onKeyDown={onKeyDown}
      />
      {name && <input type="hidden" name={name} value={value} />}
      <span id={`${id}-hint`} className="field-hint zone-summary">
        {summary || (required ? 'Type a city, country or zone' : 'No zone')}
      </span>
      <ZoneOptions
        listId={`${id}-list`}
        optionId={optionId}
        open={open}
        query={query}
        options={options}
        active={active}
        value={value}
        more={results.length - shown.length}
        onPick={pick}
      />
    </span>
  );
}

function ZoneOptions({
  listId,
  optionId,
  open,
  query,
  options,
  active,
  value,
  more,
  onPick,
}: {
  listId: string;
  optionId: (i: number) => string;
  open: boolean;
  query: string | null;
  options: { zone: string; listed?: Listed }[];
  active: number;
  value: string;
  more: number;
  onPick: (zone: string) => void;
}) {
  return (
    <ul id={listId} role="listbox" aria-label="Zones found" className="zone-results" hidden={!open}>
      {options.map((o, i) => (
        <li
          key={o.zone || '-'}
          id={optionId(i)}
          role="option"
          aria-selected={i === active}
          className={o.zone === value ? 'current' : undefined}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onPick(o.zone)}
        >
          {o.listed ? (
            <>
              <span className="zone-city">{o.listed.choice.city}</span>{' '}
              <span className="zone-where">{[...o.listed.choice.countries, o.listed.choice.zone].join(' · ')}</span>{' '}
              <span className="zone-offset">
                {o.listed.choice.offsetText}
                {o.listed.label !== o.listed.choice.offsetText && ` ${o.listed.label}`}
              </span>
            </>
          ) : (
            'No zone'
          )}
        </li>
      ))}
      {open && options.length === 0 && (
        <li role="presentation" className="zone-none">
          No zone matches “{query}”. Try a city, a country or an offset such as UTC+8.
        </li>
      )}
      {more > 0 && (
        <li role="presentation" className="zone-more">
          {more} more: type to narrow the list
        </li>
      )}
    </ul>
  );
}
