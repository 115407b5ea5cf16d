import { lazy, Suspense, type ComponentType } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import type { Permission } from '../../contracts/permissions.js';
import { PageSpinner } from '../shared/PageSpinner.js';
import { AppLayout } from './AppLayout.js';
import { MENU_ITEMS } from './menu.js';
import { AppProviders } from './providers.js';
import { RequireAuth, RequirePermission } from './RequireAuth.js';
import { ErrorBoundary, NotFound } from './results.js';
import { SessionWatcher } from './SessionWatcher.js';

const LoginPage = lazy(() => import('../features/auth/LoginPage.js'));
const ChangePasswordPage = lazy(() => import('../features/auth/ChangePasswordPage.js'));
const HouseholdFormPage = lazy(() => import('../features/households/HouseholdFormPage.js'));
const HouseholdDetailPage = lazy(() => import('../features/households/HouseholdDetailPage.js'));
const HouseholdImportPage = lazy(() => import('../features/households/HouseholdImportPage.js'));
const CampaignFormPage = lazy(() => import('../features/campaigns/CampaignFormPage.js'));
const CampaignDetailPage = lazy(() => import('../features/campaigns/CampaignDetailPage.js'));
const ApplicationFormPage = lazy(() => import('../features/campaigns/applications/ApplicationFormPage.js'));
const ApplicationDetailPage = lazy(() => import('../features/campaigns/applications/ApplicationDetailPage.js'));
const ApplicationPrintPage = lazy(() => import('../features/campaigns/applications/ApplicationPrintPage.js'));
const PublicNoticePage = lazy(() => import('../features/campaigns/applications/PublicNoticePage.js'));
const ApplicationImportPage = lazy(() => import('../features/campaigns/import/ApplicationImportPage.js'));
const JourneyPage = lazy(() => import('../features/campaigns/follow-up/JourneyPage.js'));
const DriveDetailPage = lazy(() => import('../features/funds/donations/DriveDetailPage.js'));
const DonationReceiptPage = lazy(() => import('../features/funds/donations/DonationReceiptPage.js'));
const PublicDrivePage = lazy(() => import('../features/funds/donations/PublicDrivePage.js'));
const FundDetailPage = lazy(() => import('../features/funds/FundDetailPage.js'));
const PaymentBatchPage = lazy(() => import('../features/funds/payments/PaymentBatchPage.js'));
const PolicyEditorPage = lazy(() => import('../features/employment/policies/PolicyEditorPage.js'));
const PolicyDetailPage = lazy(() => import('../features/employment/policies/PolicyDetailPage.js'));
const PublicPoliciesPage = lazy(() => import('../features/employment/policies/PublicPoliciesPage.js'));
const PublicPolicyPage = lazy(() => import('../features/employment/policies/PublicPolicyPage.js'));
const ConsultationDetailPage = lazy(() => import('../features/employment/consultations/ConsultationDetailPage.js'));
const ConsultationStatsPage = lazy(() => import('../features/employment/consultations/ConsultationStatsPage.js'));
const FaqAdminPage = lazy(() => import('../features/employment/consultations/FaqAdminPage.js'));
const PublicConsultPage = lazy(() => import('../features/employment/consultations/PublicConsultPage.js'));
const PublicConsultLookupPage = lazy(() => import('../features/employment/consultations/PublicConsultLookupPage.js'));
const PublicFaqPage = lazy(() => import('../features/employment/consultations/PublicFaqPage.js'));
const PostingFormPage = lazy(() => import('../features/employment/postings/PostingFormPage.js'));
const PostingDetailPage = lazy(() => import('../features/employment/postings/PostingDetailPage.js'));
const PostingImportPage = lazy(() => import('../features/employment/postings/PostingImportPage.js'));
const GoToBoard = lazy(() => import('../features/employment/board/GoToBoard.js'));
const EnterpriseFormPage = lazy(() => import('../features/employment/enterprises/EnterpriseFormPage.js'));
const EnterpriseDetailPage = lazy(() => import('../features/employment/enterprises/EnterpriseDetailPage.js'));
const EnterpriseImportPage = lazy(() => import('../features/employment/enterprises/EnterpriseImportPage.js'));
const SeekerFormPage = lazy(() => import('../features/employment/seekers/SeekerFormPage.js'));
const SeekerDetailPage = lazy(() => import('../features/employment/seekers/SeekerDetailPage.js'));
const SeekerEditPage = lazy(() => import('../features/employment/seekers/SeekerEditPage.js'));

/** Pages below a menu entry (the entry itself is routed from MENU_ITEMS), each guarded by its permission. */
const SUB_PAGES: Array<{ path: string; permission: Permission; page: ComponentType }> = [
  { path: '/households/new', permission: 'household.create', page: HouseholdFormPage },
  { path: '/households/import', permission: 'household.import', page: HouseholdImportPage },
  { path: '/households/:id', permission: 'household.read', page: HouseholdDetailPage },
  { path: '/households/:id/edit', permission: 'household.update', page: HouseholdFormPage },
  { path: '/campaigns/new', permission: 'campaign.manage', page: CampaignFormPage },
  { path: '/campaigns/:id', permission: 'campaign.read', page: CampaignDetailPage },
  { path: '/campaigns/:id/import', permission: 'application.import', page: ApplicationImportPage },
  { path: '/applications/new', permission: 'application.submit', page: ApplicationFormPage },
  { path: '/applications/:id', permission: 'application.read', page: ApplicationDetailPage },
  { path: '/applications/:id/edit', permission: 'application.submit', page: ApplicationFormPage },
  { path: '/applications/:id/print', permission: 'application.read', page: ApplicationPrintPage },
  { path: '/applications/:id/journey', permission: 'application.read', page: JourneyPage },
  { path: '/donation-drives/:id', permission: 'fund.read', page: DriveDetailPage },
  { path: '/donations/:id/receipt', permission: 'fund.read', page: DonationReceiptPage },
  { path: '/funds/:id', permission: 'fund.read', page: FundDetailPage },
  { path: '/payment-batches/:id', permission: 'fund.read', page: PaymentBatchPage },
  { path: '/policies-admin/new', permission: 'policy.publish', page: PolicyEditorPage },
  { path: '/policies-admin/:id', permission: 'policy.publish', page: PolicyDetailPage },
  { path: '/policies-admin/:id/edit', permission: 'policy.publish', page: PolicyEditorPage },
  { path: '/consultations/stats', permission: 'consultation.answer', page: ConsultationStatsPage },
  { path: '/consultations/faq', permission: 'consultation.answer', page: FaqAdminPage },
  { path: '/consultations/:id', permission: 'consultation.answer', page: ConsultationDetailPage },
  { path: '/job-postings/new', permission: 'job.post', page: PostingFormPage },
  { path: '/job-postings/import', permission: 'job.post', page: PostingImportPage },
  { path: '/job-postings/:id', permission: 'job.read', page: PostingDetailPage },
  { path: '/job-postings/:id/edit', permission: 'job.post', page: PostingFormPage },
  { path: '/enterprises/new', permission: 'job.publish', page: EnterpriseFormPage },
  { path: '/enterprises/import', permission: 'job.publish', page: EnterpriseImportPage },
  { path: '/enterprises/:id', permission: 'job.read', page: EnterpriseDetailPage },
  { path: '/enterprises/:id/edit', permission: 'job.post', page: EnterpriseFormPage },
  { path: '/job-seekers/new', permission: 'job.match', page: SeekerFormPage },
  { path: '/job-seekers/:id', permission: 'job.match', page: SeekerDetailPage },
  { path: '/job-seekers/:id/edit', permission: 'job.match', page: SeekerEditPage },
];

export function App() {
  return (
    <AppProviders>
      <BrowserRouter>
        <SessionWatcher />
        <ErrorBoundary>
          <Suspense fallback={<PageSpinner fullScreen />}>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              {/* The public notice (公示名单) is posted for anyone to read and object to: no sign-in. */}
              <Route path="/notice/:campaignId" element={<PublicNoticePage />} />
              {/* A donation drive's public page with its thank-you list (names masked): no sign-in. */}
              <Route path="/donate/:driveId" element={<PublicDrivePage />} />
              {/* Workers' public pages: policies, asking a question and reading its answer, the FAQ (no sign-in). */}
              <Route path="/policies" element={<PublicPoliciesPage />} />
              <Route path="/policies/:id" element={<PublicPolicyPage />} />
              <Route path="/consult" element={<PublicConsultPage />} />
              <Route path="/consult/:ticketNo" element={<PublicConsultLookupPage />} />
              {/* The public job board is the server's own HTML page: followed inside the app, it is loaded from the server. */}
              <Route path="/jobs/*" element={<GoToBoard />} />
              <Route path="/faq" element={<PublicFaqPage />} />
              <Route element={<RequireAuth />}>
                <Route path="/change-password" element={<ChangePasswordPage />} />
                <Route element={<AppLayout />}>
                  {[...MENU_ITEMS, ...SUB_PAGES].map(({ path, permission, page: Page }) => (
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
