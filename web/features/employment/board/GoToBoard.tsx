import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { PageSpinner } from '../../../shared/PageSpinner.js';

/**
 * The public job board is served by the server as plain HTML (docs/decisions/017-public-job-board.md),
 * not by this app: a link followed inside the app loads it from the server.
 */
export default function GoToBoard() {
  const { pathname, search } = useLocation();
  useEffect(() => {
    window.location.replace(`${pathname}${search}`);
  }, [pathname, search]);
  return <PageSpinner fullScreen />;
}
