import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { MENU_ENTRIES, type MenuEntry } from '../shared/menu-entries.js';

export interface MenuItem extends MenuEntry {
  page: LazyExoticComponent<ComponentType>;
}

const PAGES: Record<string, LazyExoticComponent<ComponentType>> = {
  '/': lazy(() => import('../features/home/HomePage.js')),
  '/households': lazy(() => import('../features/households/HouseholdsPage.js')),
  '/households/import-approvals': lazy(() => import('../features/households/ImportApprovalsPage.js')),
  '/campaigns': lazy(() => import('../features/campaigns/CampaignsPage.js')),
  '/applications': lazy(() => import('../features/campaigns/applications/ApplicationsPage.js')),
  '/funds': lazy(() => import('../features/funds/FundsPage.js')),
  '/payment-batches': lazy(() => import('../features/funds/payments/PaymentBatchesPage.js')),
  '/in-kind-issues': lazy(() => import('../features/funds/in-kind/InKindIssuesPage.js')),
  '/ledger/reconcile': lazy(() => import('../features/funds/ReconcilePage.js')),
  '/donation-drives': lazy(() => import('../features/funds/donations/DonationDrivesPage.js')),
  '/policies-admin': lazy(() => import('../features/employment/policies/PoliciesAdminPage.js')),
  '/consultations': lazy(() => import('../features/employment/consultations/ConsultationsPage.js')),
  '/enterprises': lazy(() => import('../features/employment/enterprises/EnterprisesPage.js')),
  '/job-seekers': lazy(() => import('../features/employment/seekers/SeekersPage.js')),
  '/job-postings': lazy(() => import('../features/employment/postings/PostingsPage.js')),
  '/job-postings/review': lazy(() => import('../features/employment/postings/PostingReviewPage.js')),
  '/orgs': lazy(() => import('../features/orgs/OrgsPage.js')),
  '/users': lazy(() => import('../features/users/UsersPage.js')),
  '/audit': lazy(() => import('../features/audit/AuditPage.js')),
};

/**
 * The side menu, in display order (web/shared/menu-entries.tsx), each entry with the page it routes to
 * (see App.tsx), guarded by its permission. To add a feature: its page under features/<domain>/, one
 * entry in menu-entries.tsx and its page here.
 */
export const MENU_ITEMS: MenuItem[] = MENU_ENTRIES.map((entry) => {
  const page = PAGES[entry.path];
  if (!page) throw new Error(`no page for the menu entry ${entry.path}`);
  return { ...entry, page };
});
