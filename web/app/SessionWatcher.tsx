import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { onApiActivity, setUnauthenticatedHandler } from '../shared/api.js';
import { forgetSession, meQueryOptions, useMe, type LoginLocationState } from '../shared/session.js';


/** Pages anyone may read without a session (the sign-in page, a campaign's public notice, a donation drive's page): never sent to sign in. */
const isPublicPath = (path: string) =>
  path === '/login' ||
  ['/policies', '/consult', '/faq', '/jobs'].some((p) => path === p || path.startsWith(`${p}/`)) || path.startsWith('/notice/') || path.startsWith('/donate/');

// A little past the server's idle timeout, so the server has surely ended the session.
const IDLE_GRACE_MS = 5_000;

/**
 * Sends the user to the sign-in page with "会话已过期" when the server answers 401, and also when
 * the tab has been idle past the server's idle timeout (so a screen left open stops showing data).
 */
export function SessionWatcher() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const { data: me } = useMe();
  const pathRef = useRef(location.pathname);
  useEffect(() => {
    pathRef.current = location.pathname;
  }, [location.pathname]);

  useEffect(
    () =>
      setUnauthenticatedHandler(() => {
        if (isPublicPath(pathRef.current)) return;
        forgetSession(queryClient);
        const state: LoginLocationState = { expired: true, from: pathRef.current };
        void navigate('/login', { replace: true, state });
      }),
    [queryClient, navigate],
  );

  const idleSeconds = me?.idleTimeoutSeconds;
  useEffect(() => {
    if (!idleSeconds) return;
    let timer: ReturnType<typeof setTimeout>;
    const expire = async () => {
      // Another tab may have kept the shared session alive: ask before signing this one out.
      const current = await queryClient.fetchQuery({ ...meQueryOptions(), staleTime: 0 }).catch(() => undefined);
      if (current === null && !isPublicPath(pathRef.current)) {
        forgetSession(queryClient);
        const state: LoginLocationState = { expired: true, from: pathRef.current };
        void navigate('/login', { replace: true, state });
      }
    };
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void expire(), idleSeconds * 1000 + IDLE_GRACE_MS);
    };
    restart();
    const stop = onApiActivity(restart);
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [idleSeconds, queryClient, navigate]);

  return null;
}
