import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Startup } from './app/Startup';
import './app/styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Startup />
  </StrictMode>,
);

if (import.meta.env.PROD) void import('./app/pwa').then((m) => m.startServiceWorker());
