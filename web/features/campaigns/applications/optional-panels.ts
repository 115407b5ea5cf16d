/// <reference types="vite/client" />
// Panels other capabilities add to the application page. Each is wired when its file is in the tree
// (import.meta.glob finds nothing otherwise, and the page shows what the detail answer already has).
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

type Loader<P> = () => Promise<{ default: ComponentType<P> }>;

const found = import.meta.glob<{ default: ComponentType<never> }>(['./ApplicationAttachments.tsx', '../follow-up/FollowUpPanel.tsx']);

function optional<P>(path: string): LazyExoticComponent<ComponentType<P>> | null {
  const load = found[path] as Loader<P> | undefined;
  return load ? lazy(load) : null;
}

/** web/features/campaigns/applications/ApplicationAttachments.tsx (documents of the application). */
export const ApplicationAttachments = optional<{ applicationId: string; editable: boolean }>('./ApplicationAttachments.tsx');
/** web/features/campaigns/follow-up/FollowUpPanel.tsx (follow-ups of an aided student). */
export const FollowUpPanel = optional<{ applicationId: string }>('../follow-up/FollowUpPanel.tsx');
