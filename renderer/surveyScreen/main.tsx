// The customer-facing survey screen's page (screen.html): its bridge, its words, its one component. It ignores
// the address it is given (a typed #/customers shows the survey or the idle, never the app).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { ScreenApp } from './ScreenApp';
import { resolveScreenApi } from './screenApi';
import './screen.css';

// Zod would probe `new Function`, which the CSP forbids.
z.config({ jitless: true });

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ScreenApp api={resolveScreenApi()} />
    </StrictMode>,
  );
}
