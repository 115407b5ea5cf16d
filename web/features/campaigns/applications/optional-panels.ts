/// <reference types="vite/client" />
// A panel another capability adds to the application page, wired when its file is in the tree
// (import.meta.glob finds nothing otherwise, and the page shows what the detail answer already has).
// Once the file is there, import it with React.lazy directly instead, so its props are typechecked.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

type Loader<P> = () => Promise<{ default: ComponentType<P> }>;

const found = import.meta.glob<{ default: ComponentType<never> }>(['../follow-up/FollowUpPanel.tsx']);

function optional<P>(path: string): LazyExoticComponent<ComponentType<P>> | null {
  const load = found[path] as Loader<P> | undefined;
  return load ? lazy(load) : null;
}

/** web/features/campaigns/follow-up/FollowUpPanel.tsx (follow-ups of an aided student). */
export const FollowUpPanel = optional<{ applicationId: string }>('../follow-up/FollowUpPanel.tsx');
