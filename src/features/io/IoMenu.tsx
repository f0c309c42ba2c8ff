import { lazy, Suspense, useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import './io.css';

// The dialogs (and with them ical.js, the codecs and the crypto) load only when opened.
const ImportDialog = lazy(() => import('./ImportDialog').then((m) => ({ default: m.ImportDialog })));
const ExportDialog = lazy(() => import('./ExportDialog').then((m) => ({ default: m.ExportDialog })));

type Open = { kind: 'import'; file?: File; key: number } | { kind: 'export' } | null;

const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');

/** The header's Import… and Export… buttons; a file dropped anywhere on the page opens Import. */
export function IoMenu() {
  const [open, setOpen] = useState<Open>(null);
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    let depth = 0;
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth += 1;
      setDragging(true);
    };
    const onLeave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const file = e.dataTransfer?.files[0];
      if (file) setOpen({ kind: 'import', file, key: Date.now() });
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);

  const close = () => setOpen(null);
  return (
    <>
      <button type="button" onClick={() => setOpen({ kind: 'import', key: Date.now() })}>
        Import…
      </button>
      <button type="button" onClick={() => setOpen({ kind: 'export' })}>
        Export…
      </button>
      {dragging &&
        createPortal(
          <div className="io-drop-hint" aria-hidden="true">
            Drop a backup (.json) or calendar (.ics) file to import it
          </div>,
          document.body,
        )}
      {/* In a portal: the dialogs take the page's styles, not the header's. */}
      {createPortal(
        <Suspense
          fallback={
            <p className="io-loading" role="status">
              Loading…
            </p>
          }
        >
          {open?.kind === 'import' && <ImportDialog key={open.key} initialFile={open.file} onClose={close} />}
          {open?.kind === 'export' && <ExportDialog onClose={close} />}
        </Suspense>,
        document.body,
      )}
    </>
  );
}
