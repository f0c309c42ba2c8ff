/**
 * "Find anything" in the header: an ARIA combobox over items, visits, places, participants and
 * topics, results grouped by kind; ↑/↓ move, Enter chooses, Esc closes (twice: clears).
 */
import { useMemo, useRef, useState } from 'react';
import { usePlan } from '../../db/hooks';
import { formatLocalDate } from '../../domain/time';
import { useUiStore } from '../../store/ui-store';
import { jumpTo } from './jump';
import { buildSearchEntries, searchEntries, type SearchEntry, type SearchGroup } from './search-index';
import './search.css';

/** The input's id: the search shortcuts (Ctrl-K, "/") focus it. */
export const FIND_INPUT_ID = 'find-anything';
const LIST_ID = 'find-results';
const optionId = (i: number) => `find-option-${i}`;

export function SearchBox({ navigate }: { navigate: (path: string) => void }) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const plan = usePlan();
  const displayZone = useUiStore((s) => s.displayZone);
  const openEditor = useUiStore((s) => s.openEditor);

  // The index is built once the box is first typed in, not on every page load (it costs a few
  // hundred ms at thousands of items); after that it follows the plan.
  const [used, setUsed] = useState(false);
  const entries = useMemo(() => (plan && used ? buildSearchEntries(plan, formatLocalDate) : null), [plan, used]);
  const groups = useMemo(() => (entries && query.trim() ? searchEntries(entries, query) : []), [entries, query]);
  const flat = groups.flatMap((g) => g.entries);
  const shown = open && query.trim() !== '';
  const expanded = shown && flat.length > 0;
  const current = Math.min(active, flat.length - 1);

  const type = (text: string) => {
    setUsed(true);
    setQuery(text);
    setActive(0);
    setOpen(true);
  };
  const choose = (entry: SearchEntry) => {
    const done = jumpTo(entry.target, {
      navigate,
      openEditor,
      setQuery: (text) => {
        type(text);
        input.current?.focus();
      },
      displayZone,
      visitOfLeg: (id) => plan?.legs.find((l) => l.id === id)?.visitId ?? null,
    });
    if (done) {
      setOpen(false);
      setQuery('');
    }
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!shown) return setOpen(true);
      if (flat.length === 0) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + flat.length) % flat.length);
    } else if (e.key === 'Enter') {
      const entry = flat[current];
      if (shown && entry) {
        e.preventDefault();
        choose(entry);
      }
    } else if (e.key === 'Escape') {
      e.preventDefault();
      if (shown) setOpen(false);
      else if (query) setQuery('');
      else input.current?.blur();
    }
  };

  return (
    <div className="find" role="search">
      <label htmlFor={FIND_INPUT_ID} className="find-label">
        Find
      </label>
      <input
        ref={input}
        id={FIND_INPUT_ID}
        type="search"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        placeholder="Items, visits, places… (Ctrl K)"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={LIST_ID}
        aria-activedescendant={expanded ? optionId(current) : undefined}
        aria-keyshortcuts="Control+K /"
        value={query}
        onChange={(e) => type(e.target.value)}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
      />
      <div className="find-popup" hidden={!shown}>
        <SearchResults groups={groups} current={current} setActive={setActive} choose={choose} />
        {shown && flat.length === 0 && (
          <p className="find-empty">{plan ? `Nothing matches “${query.trim()}”.` : 'Loading the plan…'}</p>
        )}
      </div>
      <span className="visually-hidden" role="status">
        {shown ? (flat.length ? `${flat.length} results` : 'No results') : ''}
      </span>
    </div>
  );
}

function SearchResults(props: {
  groups: SearchGroup[];
  current: number;
  setActive: (i: number) => void;
  choose: (entry: SearchEntry) => void;
}) {
  const { groups, current, setActive, choose } = props;
  let index = -1;
  return (
    <div id={LIST_ID} role="listbox" aria-label="Search results">
      {groups.map((g) => (
        <div key={g.kind} role="group" aria-labelledby={`find-group-${g.kind}`} className="find-group">
          <div id={`find-group-${g.kind}`} className="find-group-label" role="presentation">
            {g.label}
          </div>
          {g.entries.map((entry) => {
            index += 1;
            const i = index;
            return (
              <div
                key={entry.key}
                id={optionId(i)}
                role="option"
                aria-selected={i === current}
                className="find-option"
                onMouseDown={(e) => e.preventDefault()}
                onMouseMove={() => i !== current && setActive(i)}
                onClick={() => choose(entry)}
              >
                <span className="find-option-label">{entry.label}</span>
                {entry.detail && <span className="find-option-detail">{entry.detail}</span>}
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}
