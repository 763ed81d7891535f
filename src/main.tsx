// First: starts the checker worker before the other modules evaluate.
import './ui/engine/startEarly';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { exposeDebugHandle } from './ui/engine/debugHandle';
import { buildCheckRequest } from './ui/engine/checkRequest';
import { enginePool } from './ui/engine/runCheck';
import { appStore } from './ui/store';
import { prepareEarly } from '../workers/earlyWorker';
import './ui/styles/theme.css';
import './ui/styles/app.css';

// The worker started early parses the open spec while the editor loads; the pool adopts it and
// warms it (a small check).
try {
  prepareEarly(buildCheckRequest(appStore.getState()));
} catch {
  // No model to check yet (no .cfg open): the warm-up has nothing of the page's to parse.
}
void enginePool();
exposeDebugHandle();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
