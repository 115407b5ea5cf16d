import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api.js';
import { IDEMPOTENCY_HEADER } from './donation-idempotency.js';

// Response shapes of server/modules/funds/donations (donations.presenter.ts, donation-sheet.ts).

export const DONATIONS_KEY = ['donations'] as const;

export interface DriveFiguresDto {
  raisedFen: number;
  matchedFen: number;
  donationCount: number;
  progressPercent: number;
}

export interface DriveDto extends DriveFiguresDto {
  id: string;
  orgId: string;
  orgName: string;
  fundId: string;
  fundName: string;
  name: string;
  description: string | null;
  goalFen: number;
  startsOn: string;
  endsOn: string;
  status: 'open' | 'closed';
  createdAt: string;
}

export interface DonationDto {
  id: string;
  driveId: string;
  receiptNo: string;
  receiptSeq: number;
  donorKind: 'person' | 'enterprise' | 'anonymous' | 'platform_match';
  donorName: string | null;
  donorNameMasked: string | null;
  donorUnit: string | null;
  channel: string;
  amountFen: number;
  receivedOn: string;
  showOnThanks: boolean;
  entryBatchId: string | null;
  note: string | null;
  status: 'valid' | 'refunded';
  refundReason: string | null;
  refundedAt: string | null;
  createdAt: string;
  createdByName: string | null;
}

export interface ReceiptDto extends DonationDto {
  issuer: string;
  driveName: string;
  fundName: string;
  purpose: string | null;
  amountInWords: string;
}

export interface PublicDriveDto extends DriveFiguresDto {
  id: string;
  name: string;
  description: string | null;
  orgName: string;
  fundName: string;
  goalFen: number;
  startsOn: string;
  endsOn: string;
  status: 'open' | 'closed';
}

export interface ThanksLine {
  donorKind: string;
  donorName: string | null;
  donorUnit: string | null;
  amountFen: number;
  receivedOn: string;
}

export interface SheetError {
  sheet: string;
  row: number;
  column: string;
  value: string;
  reason: string;
}

export interface ParsedSheet {
  rows: Array<{ row: number; donorName: string; donorUnit: string | null; amountFen: number }>;
  errors: SheetError[];
}

export interface BatchResult {
  entryBatchId: string;
  count: number;
  totalFen: number;
  firstReceiptNo: string;
  lastReceiptNo: string;
}

export interface CreateDriveBody {
  orgId: string;
  fundId: string;
  name: string;
  description: string | null;
  goalFen: number;
  startsOn: string;
  endsOn: string;
}

export interface RecordDonationBody {
  donorKind: DonationDto['donorKind'];
  donorName: string | null;
  donorUnit: string | null;
  channel: string;
  amountFen: number;
  receivedOn: string;
  showOnThanks: boolean;
  note: string | null;
}

export interface BatchBody {
  channel: string;
  receivedOn: string;
  rows: Array<{ donorName: string; donorUnit: string | null; amountFen: number }>;
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function useDrives() {
  return useQuery({ queryKey: [...DONATIONS_KEY, 'drives'], queryFn: () => api.get<{ items: DriveDto[] }>('/api/donation-drives') });
}

export function useDrive(id: string | undefined) {
  return useQuery({ queryKey: [...DONATIONS_KEY, 'drive', id], queryFn: () => api.get<DriveDto>(`/api/donation-drives/${id}`), enabled: !!id });
}

export function useDriveDonations(id: string, page: number, pageSize: number, q: string) {
  return useQuery({
    queryKey: [...DONATIONS_KEY, 'list', id, page, pageSize, q],
    queryFn: () => api.get<{ items: DonationDto[]; total: number }>(`/api/donation-drives/${id}/donations`, { query: { page, pageSize, q } }),
    placeholderData: keepPreviousData,
  });
}

export function useReceipt(id: string | undefined) {
  return useQuery({ queryKey: [...DONATIONS_KEY, 'receipt', id], queryFn: () => api.get<ReceiptDto>(`/api/donations/${id}/receipt`), enabled: !!id });
}

/** The funds of one org (the lead's funds list, filtered by org), for the new-drive form. */
export function useOrgFunds(orgId: string | undefined) {
  return useQuery({
    queryKey: ['funds', 'of-org', orgId],
    queryFn: () => api.get<{ items: Array<{ id: string; name: string; orgId: string }> }>('/api/funds', { query: { orgId } }),
    enabled: !!orgId,
  });
}

function useInvalidateDonations() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: DONATIONS_KEY }), qc.invalidateQueries({ queryKey: ['funds'] })]);
}

export function useCreateDrive() {
  const invalidate = useInvalidateDonations();
  return useMutation({ mutationFn: (body: CreateDriveBody) => api.post<DriveDto>('/api/donation-drives', body), onSuccess: invalidate });
}

export function useUpdateDrive(id: string) {
  const invalidate = useInvalidateDonations();
  return useMutation({ mutationFn: (body: Partial<CreateDriveBody> & { status?: 'open' | 'closed' }) => api.patch<DriveDto>(`/api/donation-drives/${id}`, body), onSuccess: invalidate });
}

const withKey = (key: string) => ({ headers: { [IDEMPOTENCY_HEADER]: key } });

export function useRecordDonation(driveId: string) {
  const invalidate = useInvalidateDonations();
  return useMutation({
    mutationFn: ({ body, key }: { body: RecordDonationBody; key: string }) => api.post<DonationDto>(`/api/donation-drives/${driveId}/donations`, body, withKey(key)),
    onSuccess: invalidate,
  });
}

export function useRecordBatch(driveId: string) {
  const invalidate = useInvalidateDonations();
  return useMutation({
    mutationFn: ({ body, key }: { body: BatchBody; key: string }) => api.post<BatchResult>(`/api/donation-drives/${driveId}/donation-batches`, body, withKey(key)),
    onSuccess: invalidate,
  });
}

export function useParseSheet(driveId: string) {
  return useMutation({ mutationFn: (file: Blob) => api.postRaw<ParsedSheet>(`/api/donation-drives/${driveId}/donation-batches/parse-xlsx`, file, XLSX_MIME) });
}

export function useRefund() {
  const invalidate = useInvalidateDonations();
  return useMutation({
    mutationFn: ({ id, reason, key }: { id: string; reason: string; key: string }) => api.post<DonationDto>(`/api/donations/${id}/refund`, { reason }, withKey(key)),
    onSuccess: invalidate,
  });
}

export const templateUrl = (driveId: string) => `/api/donation-drives/${driveId}/donation-batches/template.xlsx`;

export function usePublicDrive(id: string | undefined) {
  return useQuery({ queryKey: ['public-drive', id], queryFn: () => api.get<PublicDriveDto>(`/api/public/donation-drives/${id}`, { redirectOn401: false }), enabled: !!id, retry: false });
}

export function usePublicThanks(id: string | undefined, pageSize: number) {
  return useQuery({
    queryKey: ['public-drive', id, 'thanks', pageSize],
    queryFn: () => api.get<{ items: ThanksLine[]; total: number }>(`/api/public/donation-drives/${id}/thanks`, { query: { pageSize, page: 1 }, redirectOn401: false }),
    enabled: !!id,
    placeholderData: keepPreviousData,
  });
}
