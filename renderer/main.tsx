import './boot';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { SessionGate } from './auth/session';
import { initI18n, initialLang } from './i18n';
import './styles.css';
import './grid/grid.css';

const root = document.getElementById('root');
if (root) {
  await initI18n(initialLang());
  createRoot(root).render(
    <StrictMode>
      <SessionGate>
        <App />
      </SessionGate>
    </StrictMode>,
  );
}
