// Start-up: find the main-process bridge, choose the language, then show the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { initI18n } from './i18n';
import { resolveDesktopApi } from './platform/desktopApi';
import { DesktopContext, type Desktop } from './platform/context';
import { App, BootFailure } from './App';
import './styles/app.css';

// Zod would probe `new Function`, which our CSP forbids; tell it not to.
z.config({ jitless: true });

async function boot() {
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root');
  const root = createRoot(container);
  let desktop: Desktop;
  try {
    const api = resolveDesktopApi();
    const info = await api.app.info();
    desktop = { api, info: info.ok ? info.value : null };
  } catch (error) {
    await initI18n(navigator.language);
    root.render(<BootFailure error={error} />);
    return;
  }
  await initI18n(desktop.info?.systemLocale ?? navigator.language);
  root.render(
    <StrictMode>
      <ErrorBoundary>
        <DesktopContext.Provider value={desktop}>
          <App />
        </DesktopContext.Provider>
      </ErrorBoundary>
    </StrictMode>,
  );
}

void boot();
