import { Field } from './Field';

/** A labelled select of a fixed list of choices (a kind, a status, a mode); `describe` gives each one's words. */
export function ChoiceSelect<T extends string>({
  label,
  value,
  choices,
  describe = (choice) => choice,
  onChange,
}: {
  label: string;
  value: T;
  choices: readonly T[];
  describe?: (choice: T) => string;
  onChange: (choice: T) => void;
}) {
  return (
    <Field label={label}>
      {(id) => (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value as T)}>
          {choices.map((c) => (
            <option key={c} value={c}>
              {describe(c)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
