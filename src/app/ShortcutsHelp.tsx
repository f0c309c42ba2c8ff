/** The "?" overlay listing every keyboard shortcut, and the header button that opens it. */
import { create } from 'zustand';
import { Dialog } from '../components/Dialog';
import { keyLabel, SHORTCUTS } from './shortcuts';

export const useShortcutsHelp = create<{ open: boolean; setOpen: (open: boolean) => void }>()((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}));

export function ShortcutsButton() {
  const setOpen = useShortcutsHelp((s) => s.setOpen);
  return (
    <button type="button" aria-keyshortcuts="Shift+?" onClick={() => setOpen(true)}>
      Keyboard shortcuts
    </button>
  );
}

export function ShortcutsHelp() {
  const open = useShortcutsHelp((s) => s.open);
  const setOpen = useShortcutsHelp((s) => s.setOpen);
  if (!open) return null;
  return (
    <Dialog title="Keyboard shortcuts" onClose={() => setOpen(false)}>
      <p>Shortcuts work anywhere except while typing in a field or with a dialog open (Ctrl K works in fields too).</p>
      <table className="shortcuts-table">
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">What it does</th>
            <th scope="col">Also with</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.id}>
              <td>
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' or '}
                    <kbd>{keyLabel(k)}</kbd>
                  </span>
                ))}
              </td>
              <td>{s.description}</td>
              <td>{s.control}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <span className="spacer" />
        <button type="button" className="primary" onClick={() => setOpen(false)}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
