/** The app's routes. A data router (no loaders) so the editor can block navigation with unsaved edits. */
import { createBrowserRouter, Outlet } from 'react-router';
import { RequireAuth } from './auth/RequireAuth.tsx';
import { Loading } from './components/Loading.tsx';
import { ApiKeysPage } from './pages/ApiKeysPage.tsx';
import { JoinPage } from './pages/JoinPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { SeriesListPage } from './pages/SeriesListPage.tsx';
import { SeriesPage } from './pages/SeriesPage.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import { SignUpPage } from './pages/SignUpPage.tsx';
import { RouteErrorPage } from './pages/RouteErrorPage.tsx';

export const router = createBrowserRouter([
  {
    errorElement: <RouteErrorPage />,
    hydrateFallbackElement: <Loading />,
    children: [
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/sign-up', element: <SignUpPage /> },
      // A share link: its preview works signed out, and it asks to sign in before joining.
      { path: '/join/:token', element: <JoinPage /> },
      {
        element: (
          <RequireAuth>
            <Outlet />
          </RequireAuth>
        ),
        children: [
          { path: '/', element: <SeriesListPage /> },
          { path: '/series/:seriesId', element: <SeriesPage /> },
          { path: '/settings/api-keys', element: <ApiKeysPage /> },
          {
            path: '/installments/:installmentId',
            // The editor (Tiptap, ProseMirror, Yjs) is most of the bundle: load it on demand.
            lazy: async () => ({ Component: (await import('./pages/EditorPage.tsx')).EditorPage }),
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
