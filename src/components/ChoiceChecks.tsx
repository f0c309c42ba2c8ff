/**
 * A group of checkboxes, one a choice, under a legend; `value` is the ticked choices in the order
 * they were ticked (a newly ticked one goes last). `describe` gives each one's words.
 */
export function ChoiceChecks<T extends string>({
  legend,
  choices,
  describe = (choice) => choice,
  value,
  onChange,
  className,
}: {
  legend: string;
  choices: readonly T[];
  describe?: (choice: T) => string;
  value: readonly T[];
  onChange: (ticked: T[]) => void;
  className?: string;
}) {
  return (
    <fieldset className={className}>
      <legend>{legend}</legend>
      {choices.map((c) => (
        <label key={c} className="check">
          <input
            type="checkbox"
            checked={value.includes(c)}
            onChange={(e) =>
              onChange(e.target.checked ? [...value.filter((x) => x !== c), c] : value.filter((x) => x !== c))
            }
          />
          {describe(c)}
        </label>
      ))}
    </fieldset>
  );
}
