import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { setUnauthenticatedHandler } from './api/http.ts';
import { refreshSession } from './auth/authClient.ts';
import { registerServiceWorker } from './offline/registerServiceWorker.ts';
import { router } from './routes.tsx';
import './styles.css';
import './editor.css';
import './access.css';

// A 401 anywhere means the session is gone: re-read it, and RequireAuth sends the
// person to sign in with this page as the way back.
setUnauthenticatedHandler(refreshSession);
registerServiceWorker();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);
