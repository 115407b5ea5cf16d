import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Permission } from '../../contracts/permissions.js';
import { api, isApiError, setCsrfToken } from './api.js';
import type { Me, SignInResult } from './types.js';

export const ME_KEY = ['auth', 'me'] as const;

/** The signed-in user, or null when there is no session. Restores the CSRF token after a reload. */
async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/api/auth/me', { redirectOn401: false });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (err) {
    if (isApiError(err) && err.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

export function meQueryOptions() {
  return { queryKey: ME_KEY, queryFn: fetchMe, staleTime: Infinity, retry: false } as const;
}

export function useMe() {
  return useQuery(meQueryOptions());
}

/** `can('user.create')`: whether the signed-in user holds a permission (the server decides anyway). */
export function useCan() {
  const { data: me } = useMe();
  return useCallback((permission: Permission) => !!me?.permissions.includes(permission), [me]);
}

export async function signIn(queryClient: QueryClient, username: string, password: string): Promise<Me | null> {
  const result = await api.post<SignInResult>('/api/auth/sign-in', { username, password }, { redirectOn401: false });
  setCsrfToken(result.csrfToken);
  // Nothing cached for an earlier session may show to this one.
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
  return queryClient.fetchQuery({ ...meQueryOptions(), staleTime: 0 });
}

/** Forgets everything this tab knew about the session: the token and every cached answer. */
export function forgetSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  queryClient.clear();
  queryClient.setQueryData(ME_KEY, null);
}

export async function signOut(queryClient: QueryClient): Promise<void> {
  try {
    await api.post('/api/auth/sign-out', undefined, { redirectOn401: false });
  } finally {
    forgetSession(queryClient);
  }
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useCallback(() => signOut(queryClient), [queryClient]);
}

/** What the sign-in page is told when it is sent there: the session ended, or the user signed out, and from where. */
export interface LoginLocationState {
  expired?: boolean;
  signedOut?: boolean;
  from?: string;
}
