import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { exposeDebugHandle } from './ui/engine/debugHandle';
import './ui/styles/theme.css';
import './ui/styles/app.css';

exposeDebugHandle();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
