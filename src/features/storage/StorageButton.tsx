import { useStatusStore } from '../../store/status-store';
import { StoragePanel } from './StoragePanel';
import './storage.css';

/** The header's "Storage" button and the panel it opens; marked when the plan is at risk. */
export function StorageButton() {
  const open = useStatusStore((s) => s.storagePanelOpen);
  const setOpen = useStatusStore((s) => s.setStoragePanelOpen);
  const atRisk = useStatusStore((s) => s.storageMode === 'memory');
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} aria-haspopup="dialog">
        Storage{atRisk && <span className="storage-flag"> (memory only)</span>}
      </button>
      {open && <StoragePanel onClose={() => setOpen(false)} />}
    </>
  );
}
