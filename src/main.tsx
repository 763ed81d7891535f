// First: starts the checker worker before the other modules evaluate.
import './ui/engine/startEarly';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { exposeDebugHandle } from './ui/engine/debugHandle';
import { enginePool } from './ui/engine/runCheck';
import './ui/styles/theme.css';
import './ui/styles/app.css';

// The pool adopts the worker started early and warms it (a small check) while the editor loads.
void enginePool();
exposeDebugHandle();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
