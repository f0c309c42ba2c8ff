import { useStatusStore } from '../../store/status-store';
import './storage.css';

/** The header's "Storage" button; the panel it opens is rendered with the banners, outside the header. */
export function StorageButton() {
  const setOpen = useStatusStore((s) => s.setStoragePanelOpen);
  const atRisk = useStatusStore((s) => s.storageMode === 'memory');
  return (
    <button type="button" onClick={() => setOpen(true)} aria-haspopup="dialog">
      Storage{atRisk && <span className="storage-flag"> (memory only)</span>}
    </button>
  );
}
