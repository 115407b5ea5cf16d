import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { Permission } from '../../contracts/permissions.js';
import { PageSpinner } from '../shared/PageSpinner.js';
import { Forbidden } from './results.js';
import { useCan, useMe } from '../shared/session.js';
import type { LoginLocationState } from '../shared/session.js';

/** Renders the child routes only with a session; a user who must change the password goes there first. */
export function RequireAuth() {
  const location = useLocation();
  const { data: me, isPending, isError } = useMe();
  if (isPending) return <PageSpinner fullScreen />;
  if (isError || !me) {
    const state: LoginLocationState = { from: location.pathname + location.search };
    return <Navigate to="/login" replace state={state} />;
  }
  if (me.mustChangePassword && location.pathname !== '/change-password') return <Navigate to="/change-password" replace />;
  return <Outlet />;
}

export function RequirePermission({ permission, children }: { permission?: Permission; children: ReactNode }) {
  const can = useCan();
  if (permission && !can(permission)) return <Forbidden />;
  return <>{children}</>;
}
