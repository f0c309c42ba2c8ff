import { lazy, Suspense, useEffect } from 'react';
import { createPortal } from 'react-dom';
import { joinFromHash, readShare, statusText, useSyncUi } from './sync-state';
import './sync.css';

// The dialogs and the sync client (Yjs, the protocol, the provider) load only when needed.
const SyncDialogs = lazy(() => import('./SyncDialogs').then((m) => ({ default: m.SyncDialogs })));

/** The header's Share plan… button, or for a shared plan its sync indicator (opens the sync panel). */
export function SyncControl() {
  const config = useSyncUi((s) => s.config);
  const snapshot = useSyncUi((s) => s.snapshot);
  const dialog = useSyncUi((s) => s.dialog);
  const setDialog = useSyncUi((s) => s.setDialog);

  useEffect(() => {
    let live = true;
    readShare()
      .then((c) => {
        if (!live) return;
        useSyncUi.getState().setConfig(c ?? null);
        if (c) void import('./runtime').then((m) => m.startSync(c));
      })
      .catch(() => useSyncUi.getState().setConfig(null));
    const onHash = () => {
      if (joinFromHash(window.location.hash)) setDialog('join');
    };
    onHash();
    window.addEventListener('hashchange', onHash);
    return () => {
      live = false;
      window.removeEventListener('hashchange', onHash);
    };
  }, [setDialog]);

  const others = snapshot?.members.filter((m) => m.online && !m.me) ?? [];
  const conflicts = snapshot?.conflicts.length ?? 0;
  return (
    <>
      {config ? (
        <button
          type="button"
          className={`sync-indicator sync-${snapshot?.removed ? 'removed' : (snapshot?.status ?? 'connecting')}`}
          onClick={() => setDialog('panel')}
          title={others.length ? `Also here: ${others.map((m) => m.name).join(', ')}` : undefined}
        >
          <span className="sync-dot" aria-hidden="true" />
          <span role="status">{statusText(snapshot)}</span>
          {others.length > 0 && <span className="sync-presence"> · {others.length} here</span>}
          {conflicts > 0 && <span className="badge"> · {conflicts} to review</span>}
        </button>
      ) : (
        config === null && (
          <button type="button" onClick={() => setDialog('share')}>
            Share plan…
          </button>
        )
      )}
      {dialog &&
        createPortal(
          <Suspense
            fallback={
              <p className="io-loading" role="status">
                Loading…
              </p>
            }
          >
            <SyncDialogs dialog={dialog} onClose={() => setDialog(null)} />
          </Suspense>,
          document.body,
        )}
    </>
  );
}
