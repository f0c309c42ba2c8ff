import { useEffect, useState } from 'react';
import { describeFailure } from '../db/errors';
import { useStatusStore } from '../store/status-store';
import { App } from './App';
import { startApp } from './startup';

/** Renders the app once the plan database is open; until then says what it is waiting for. */
export function Startup() {
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const notice = useStatusStore((s) => s.dbNotice);
  useEffect(() => {
    startApp().then(
      () => setReady(true),
      (err: unknown) => setError(describeFailure(err)),
    );
  }, []);
  if (ready) return <App />;
  return (
    <div className="startup">
      <p className="app-name">Summitry</p>
      {notice === 'blocked' && (
        <p role="alert" className="banner warning">
          Close other Summitry tabs to finish the upgrade. Summitry is waiting for them.
        </p>
      )}
      {error ? (
        <p role="alert" className="banner error">
          The plan could not be opened, not even in memory: {error}
        </p>
      ) : (
        <p aria-busy="true">Opening your plan…</p>
      )}
    </div>
  );
}
