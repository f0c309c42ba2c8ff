import { useUiStore } from '../store/ui-store';

/** The one 12/24-hour setting: every view and explanation writes times of day by it. */
export function ClockSelect() {
  const clock = useUiStore((s) => s.clock);
  const setClock = useUiStore((s) => s.setClock);
  return (
    <label className="field">
      Clock
      <select value={clock} onChange={(e) => setClock(e.target.value === '12h' ? '12h' : '24h')}>
        <option value="24h">24-hour (14:30)</option>
        <option value="12h">12-hour (2:30 PM)</option>
      </select>
    </label>
  );
}
