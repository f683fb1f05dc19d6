import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import './i18n/i18n.ts';
import './ui/tokens.css';
import './ui/controls.css';
import './ui/overlays.css';
import './ui/styles.css';
import './app/toasts.css';
import './app/frame.css';
import './features/approvals/approvals.css';
import './features/approvals/submission-preview.css';
import './features/approvals/inbox-actions.css';
import './features/attendance/attendance.css';
import './features/notices/notices.css';
import './features/brief/brief.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
