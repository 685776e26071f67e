import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { SessionGate } from './auth/session';
import { initI18n, initialLang } from './i18n';

/** The app itself, in the page's `root`: languages first, then the session and its screens. */
export async function start(root: HTMLElement): Promise<void> {
  await initI18n(initialLang());
  createRoot(root).render(
    <StrictMode>
      <SessionGate>
        <App />
      </SessionGate>
    </StrictMode>,
  );
}
