import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource-variable/inter';
import '@fontsource-variable/source-serif-4';
import './app/styles/tokens.css';
import './app/styles/base.css';
import { App } from './app/App';
import { preloadScreenOf } from './app/CaseWorkspace';
import { getCatalog } from './features/cases';

// Work the first screen will wait for, started before React draws anything: the code of the
// screen the address opens, and the catalog database (opening IndexedDB is the slowest part of
// the first read).
preloadScreenOf(window.location.hash);
getCatalog()
  .getProfile()
  .catch(() => undefined);

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
