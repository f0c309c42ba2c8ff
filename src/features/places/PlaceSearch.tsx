import { useEffect, useId, useState } from 'react';
import { describeGazetteerEntry, searchGazetteer, type GazetteerEntry } from '../../domain/geo';
import { loadGazetteer } from './gazetteer-source';

const KIND_WORD: Record<GazetteerEntry['kind'], string> = {
  city: 'City',
  airport: 'Airport',
  'rail-station': 'Station',
};

/**
 * Look a place up in the offline gazetteer: a combobox whose listbox offers cities, airports and
 * stations as the user types ("ICN", "Incheon", "Shanghai Hongqiao"); arrows move, Enter picks,
 * Escape closes the list.
 */
export function PlaceSearch({ onPick }: { onPick: (entry: GazetteerEntry) => void }) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [entries, setEntries] = useState<GazetteerEntry[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    loadGazetteer().then(setEntries, (err: unknown) =>
      setProblem(
        `Places can't be looked up: ${err instanceof Error ? err.message : String(err)}. Enter the place below.`,
      ),
    );
  }, []);
  const results = entries && open ? searchGazetteer(entries, query, 10) : [];
  const pick = (e: GazetteerEntry) => {
    onPick(e);
    setQuery(e.name);
    setOpen(false);
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown' && results.length > 0) {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (a + 1) % results.length);
    } else if (e.key === 'ArrowUp' && results.length > 0) {
      e.preventDefault();
      setActive((a) => (a - 1 + results.length) % results.length);
    } else if (e.key === 'Enter' && results[active]) {
      e.preventDefault();
      pick(results[active]);
    } else if (e.key === 'Escape' && open && results.length > 0) {
      e.stopPropagation();
      setOpen(false);
    }
  };
  const hint = entries
    ? 'A city, airport (name, IATA or ICAO code) or major railway station.'
    : problem
      ? undefined
      : 'Loading the list of places…';
  return (
    <div className="place-search">
      <label htmlFor={`${id}-q`}>Find a place</label>
      <input
        id={`${id}-q`}
        type="search"
        role="combobox"
        autoComplete="off"
        aria-expanded={results.length > 0}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={results[active] ? `${id}-opt-${active}` : undefined}
        aria-describedby={`${id}-hint`}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
      />
      <span id={`${id}-hint`} className="field-hint">
        {problem ?? hint}
      </span>
      <ul
        id={`${id}-list`}
        role="listbox"
        aria-label="Places found"
        className="place-results"
        hidden={results.length === 0}
      >
        {results.map((r, i) => (
          <li
            key={`${r.kind}:${r.name}:${r.code}:${r.lat}`}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(r)}
          >
            <span className="place-kind">{KIND_WORD[r.kind]}</span> {describeGazetteerEntry(r)}
          </li>
        ))}
      </ul>
      {entries && open && query.trim().length >= 2 && results.length === 0 && (
        <p className="field-hint">No city, airport or station matches “{query}”. Enter the place below.</p>
      )}
    </div>
  );
}
