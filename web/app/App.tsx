import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { PageSpinner } from '../shared/PageSpinner.js';
import { AppLayout } from './AppLayout.js';
import { MENU_ITEMS } from './menu.js';
import { AppProviders } from './providers.js';
import { RequireAuth, RequirePermission } from './RequireAuth.js';
import { ErrorBoundary, NotFound } from './results.js';
import { SessionWatcher } from './SessionWatcher.js';

const LoginPage = lazy(() => import('../features/auth/LoginPage.js'));
const ChangePasswordPage = lazy(() => import('../features/auth/ChangePasswordPage.js'));

export function App() {
  return (
    <AppProviders>
      <BrowserRouter>
        <SessionWatcher />
        <ErrorBoundary>
          <Suspense fallback={<PageSpinner fullScreen />}>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route element={<RequireAuth />}>
                <Route path="/change-password" element={<ChangePasswordPage />} />
                <Route element={<AppLayout />}>
                  {MENU_ITEMS.map(({ path, permission, page: Page }) => (
                    <Route
                      key={path}
                      path={path}
                      element={
                        <RequirePermission permission={permission}>
                          <Page />
                        </RequirePermission>
                      }
                    />
                  ))}
                  <Route path="*" element={<NotFound />} />
                </Route>
              </Route>
            </Routes>
          </Suspense>
        </ErrorBoundary>
      </BrowserRouter>
    </AppProviders>
  );
}
