import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { preloadView } from './app/App';
import { viewOf } from './app/router';
import { Startup } from './app/Startup';
import { startApp } from './app/startup';
import './app/styles.css';

// The opening view's code is fetched while the database opens, not after; and the database
// opens while React renders the startup screen, not once it has (Startup reports a failure).
preloadView(viewOf(window.location.pathname));
startApp().catch(() => undefined);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Startup />
  </StrictMode>,
);

if (import.meta.env.PROD) {
  // The service worker's install fetches every chunk of the app: it waits until the page has
  // loaded and the main thread is idle, so it does not compete with the first view.
  const start = () => void import('./app/pwa').then((m) => m.startServiceWorker());
  const whenIdle = () =>
    'requestIdleCallback' in window ? requestIdleCallback(start, { timeout: 3000 }) : setTimeout(start, 500);
  if (document.readyState === 'complete') whenIdle();
  else window.addEventListener('load', whenIdle, { once: true });
}
