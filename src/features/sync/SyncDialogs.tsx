import { useEffect, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { describeFailure, failureMessage } from '../../db';
import { currentRuntime, joinPlan, readInvitation, sharePlan } from './runtime';
import { SyncConflicts } from './SyncConflicts';
import { type SyncDialog, joinFromHash, statusText, useSyncUi } from './sync-state';

const DEFAULT_SERVER = 'ws://127.0.0.1:4455';
/** Drops the invitation from the address (it holds the invitation's keys). */
const dropHash = () => {
  if (window.location.hash) window.history.replaceState(null, '', window.location.pathname + window.location.search);
};

function ShareDialog({ onClose }: { onClose: () => void }) {
  const [url, setUrl] = useState(DEFAULT_SERVER);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Dialog title="Share plan" onClose={onClose}>
      <form
        className="sync-form"
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setError(null);
          try {
            await sharePlan(url, name);
            useSyncUi.getState().setDialog('panel');
          } catch (err) {
            setError(describeFailure(err));
          } finally {
            setBusy(false);
          }
        }}
      >
        <p>
          The plan is sent to the sync server encrypted in this browser: the server stores only ciphertext and never
          sees its keys. Members you invite get the keys through their invitation link.
        </p>
        <label>
          Sync server
          <input value={url} onChange={(e) => setUrl(e.target.value)} required />
        </label>
        <label>
          Your name (shown to members)
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={80} />
        </label>
        {error && (
          <p role="alert" className="sync-problem">
            {error} Nothing was shared.
          </p>
        )}
        <div className="actions">
          <span className="spacer" />
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Sharing…' : 'Share plan'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function JoinDialog({ onClose }: { onClose: () => void }) {
  const fromLink = joinFromHash(window.location.hash);
  const [code, setCode] = useState(fromLink?.code ?? '');
  const [url, setUrl] = useState(fromLink?.server || DEFAULT_SERVER);
  const [name, setName] = useState('');
  const [role, setRole] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    readInvitation(code).then(
      (inv) => {
        setRole(inv.role);
        setError(null);
      },
      (err: unknown) => {
        setRole(null);
        if (code) setError(describeFailure(err));
      },
    );
  }, [code]);
  const close = () => {
    dropHash();
    onClose();
  };
  return (
    <Dialog title="Join a shared plan" onClose={close}>
      <form
        className="sync-form"
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          try {
            await joinPlan(code, url, name);
            dropHash();
            useSyncUi.getState().setDialog('panel');
          } catch (err) {
            setError(failureMessage('Could not join the plan', err));
          } finally {
            setBusy(false);
          }
        }}
      >
        {role && <p>This invitation makes you {role === 'editor' ? 'an editor' : 'a viewer'} of a shared plan.</p>}
        <p>
          The shared plan opens as a new plan named “Shared plan” (rename it under Plans). The plans this browser holds
          now stay as they are.
        </p>
        <label>
          Invitation link or code
          <input value={code} onChange={(e) => setCode(e.target.value)} required />
        </label>
        <label>
          Sync server
          <input value={url} onChange={(e) => setUrl(e.target.value)} required />
        </label>
        <label>
          Your name (shown to members)
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={80} />
        </label>
        {error && (
          <p role="alert" className="sync-problem">
            {error}
          </p>
        )}
        <div className="actions">
          <span className="spacer" />
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || !role}>
            {busy ? 'Joining…' : 'Join the plan'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function Members() {
  const snapshot = useSyncUi((s) => s.snapshot);
  const config = useSyncUi((s) => s.config);
  const [links, setLinks] = useState<{ role: string; link: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const owner = config?.role === 'owner';
  const act = async (f: () => Promise<void>) => {
    setError(null);
    try {
      await f();
    } catch (err) {
      setError(describeFailure(err));
    }
  };
  const invite = (role: 'editor' | 'viewer') =>
    act(async () => {
      const link = await currentRuntime()!.invite(role, window.location.origin);
      setLinks((l) => [...l, { role, link }]);
    });
  return (
    <section aria-labelledby="sync-members">
      <h3 id="sync-members">Members</h3>
      <ul className="sync-list">
        {snapshot?.members.map((m) => (
          <li key={m.id}>
            <span>
              {m.name}
              {m.me && ' (you)'}
            </span>
            <span className="muted">{m.role}</span>
            <span className="muted">{m.online ? 'here now' : ''}</span>
            <span className="spacer" />
            {owner && !m.me && m.role !== 'owner' && (
              <button type="button" onClick={() => void act(() => currentRuntime()!.remove(m.id))}>
                Remove {m.name}
              </button>
            )}
          </li>
        ))}
      </ul>
      {owner && (
        <>
          <div className="actions">
            <button type="button" onClick={() => void invite('editor')}>
              Invite an editor
            </button>
            <button type="button" onClick={() => void invite('viewer')}>
              Invite a viewer
            </button>
          </div>
          {links.map((l) => (
            <p key={l.link}>
              Invitation for {l.role === 'editor' ? 'an editor' : 'a viewer'} (send it through a channel you trust; it
              works once):
              <textarea
                className="sync-link"
                readOnly
                rows={3}
                value={l.link}
                aria-label={`Invitation link (${l.role})`}
              />
            </p>
          ))}
        </>
      )}
      {error && (
        <p role="alert" className="sync-problem">
          {error}
        </p>
      )}
    </section>
  );
}

function SyncPanel({ onClose }: { onClose: () => void }) {
  const snapshot = useSyncUi((s) => s.snapshot);
  const config = useSyncUi((s) => s.config);
  return (
    <Dialog title="Shared plan" onClose={onClose}>
      <p>
        <strong>{statusText(snapshot)}</strong> · {config?.url} · you are{' '}
        {config?.role === 'owner' ? 'the owner' : `a ${config?.role}`}
      </p>
      {snapshot?.problem && (
        <p role="alert" className="sync-problem">
          {snapshot.problem}
        </p>
      )}
      <Members />
      <SyncConflicts />
      <div className="actions">
        <span className="spacer" />
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

/** The Share plan…, Join and Shared plan (status, members, conflicts) dialogs. */
export function SyncDialogs({ dialog, onClose }: { dialog: Exclude<SyncDialog, null>; onClose: () => void }) {
  if (dialog === 'share') return <ShareDialog onClose={onClose} />;
  if (dialog === 'join') return <JoinDialog onClose={onClose} />;
  return <SyncPanel onClose={onClose} />;
}
