import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { setUnauthenticatedHandler } from './api/http.ts';
import { followSignInsElsewhere, refreshSessionAfter401 } from './auth/authClient.ts';
import { registerServiceWorker } from './offline/registerServiceWorker.ts';
import { router } from './routes.tsx';
import './styles.css';
import './editor.css';
import './access.css';

// A 401 anywhere means the session is gone: re-read it. RequireAuth sends the person to
// sign in with this page as the way back, or, on a page already open, shows the sign-in banner.
setUnauthenticatedHandler(refreshSessionAfter401);
// A sign-in in another tab brings this tab's session back too.
followSignInsElsewhere();
registerServiceWorker();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);
