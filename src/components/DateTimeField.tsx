import { useId, useState, type ReactNode } from 'react';
import { clockEntryProblem, formatClockEntry, parseClockEntry } from '../domain/time';
import { useUiStore } from '../store/ui-store';
import './date-time-field.css';

/**
 * Times of day typed on the clock setting (issue 17): "14:30" on the 24-hour clock, "2:30 PM" on
 * the 12-hour one, where a native time input would follow the browser's locale instead. A time
 * that cannot be read keeps the last good value, says what to write, and marks its input with
 * `data-bad-time` so that the form's submit refuses to save (see `refuseBadTimes`).
 */
function useClockEntry(value: string, onChange: (time: string) => void) {
  const hour12 = useUiStore((s) => s.clock) === '12h';
  /** What was typed, while it still stands for `base` (the value it last gave, or kept). */
  const [draft, setDraft] = useState<{ text: string; base: string } | null>(null);
  const [touched, setTouched] = useState(false);
  const live = draft !== null && draft.base === value ? draft : null;
  const read = live ? parseClockEntry(live.text, hour12) : null;
  const reason = read && !read.ok && read.reason !== 'empty' ? read.reason : null;
  return {
    hour12,
    problem: reason && touched ? clockEntryProblem(reason, hour12) : null,
    bad: reason !== null,
    inputProps: {
      type: 'text',
      autoComplete: 'off',
      spellCheck: false,
      placeholder: hour12 ? '2:30 PM' : '14:30',
      value: live ? live.text : formatClockEntry(value, hour12),
      onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
        const text = e.target.value;
        setTouched(false);
        const r = parseClockEntry(text, hour12);
        const next = r.ok ? r.time : r.reason === 'empty' ? '' : null;
        setDraft({ text, base: next ?? value });
        if (next !== null && next !== value) onChange(next);
      },
      onBlur: () => {
        setTouched(true);
        // A time that reads well is written back the clock's way ("2:30pm" → "2:30 PM").
        if (live && read?.ok) setDraft(null);
      },
      onKeyDown: (e: React.KeyboardEvent) => {
        if (e.key === 'Enter') setTouched(true);
      },
    },
  };
}

const ids = (...parts: (string | false | null | undefined)[]) => parts.filter(Boolean).join(' ') || undefined;

/** A labelled time of day ("HH:mm", or '' for none) typed on the clock setting. */
export function TimeField({
  label,
  value,
  onChange,
  disabled,
  describedBy,
}: {
  label: string;
  value: string;
  onChange: (time: string) => void;
  disabled?: boolean;
  /** Ids of text elsewhere that describes the field. */
  describedBy?: string;
}) {
  const id = useId();
  const entry = useClockEntry(value, onChange);
  return (
    <span className="field time-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="time-entry"
        disabled={disabled}
        aria-invalid={!!entry.problem || undefined}
        aria-describedby={ids(entry.problem && `${id}-problem`, describedBy)}
        data-bad-time={entry.bad || undefined}
        {...entry.inputProps}
      />
      <Problem id={`${id}-problem`} text={entry.problem} />
    </span>
  );
}

/**
 * A date and a time of day, labelled as one group: a native date input and a time typed on the
 * clock setting. `value` is the form's local "YYYY-MM-DDTHH:mm" ('' while either part is missing).
 * The parts are named "<name> date" and "<name> time" (`name` defaults to the label).
 */
export function DateTimeField({
  label,
  name = label,
  value,
  onChange,
  error,
  hint,
  disabled,
}: {
  label: string;
  name?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: ReactNode;
  disabled?: boolean;
}) {
  const id = useId();
  /** The parts as entered while they do not make a whole value yet (a date without a time). */
  const [partial, setPartial] = useState<{ date: string; time: string; base: string } | null>(null);
  const parts =
    partial && partial.base === value ? partial : { date: value.slice(0, 10), time: value.slice(11, 16), base: value };
  const update = (date: string, time: string) => {
    const next = date && time ? `${date}T${time}` : '';
    setPartial({ date, time, base: next });
    if (next !== value) onChange(next);
  };
  const entry = useClockEntry(parts.time, (time) => update(parts.date, time));
  const described = ids(error && `${id}-error`, hint !== undefined && `${id}-hint`);
  return (
    <div className="field date-time-field" role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} className="field-label">
        {label}
      </span>
      <span className="date-time-parts">
        <input
          type="date"
          aria-label={`${name} date`}
          disabled={disabled}
          aria-invalid={!!error || undefined}
          aria-describedby={described}
          value={parts.date}
          onChange={(e) => update(e.target.value, parts.time)}
        />
        <input
          className="time-entry"
          aria-label={`${name} time`}
          disabled={disabled}
          aria-invalid={!!entry.problem || !!error || undefined}
          aria-describedby={ids(entry.problem && `${id}-problem`, described)}
          data-bad-time={entry.bad || undefined}
          {...entry.inputProps}
        />
      </span>
      {hint !== undefined && (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      )}
      <Problem id={`${id}-problem`} text={entry.problem} />
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}

function Problem({ id, text }: { id: string; text: string | null }) {
  return (
    <span id={id} className="field-error" role="alert" hidden={!text}>
      {text}
    </span>
  );
}

/**
 * For a form's submit: true when a time in it cannot be read (nothing may be saved then); the
 * first such input gets the focus, its message beside it.
 */
export function refuseBadTimes(form: HTMLFormElement): boolean {
  const bad = form.querySelector<HTMLInputElement>('input[data-bad-time]');
  bad?.focus();
  return !!bad;
}
