import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CampaignRules, StepActors } from '../../../contracts/campaigns.js';
import { api } from '../../shared/api.js';

// Response shapes of server/modules/campaigns (campaigns.presenter.ts).

export const CAMPAIGNS_KEY = ['campaigns'] as const;

export interface ProgramDto {
  id: string;
  code: string;
  name: string;
  kind: 'per_student' | 'per_household';
  description: string | null;
}

export interface CampaignDto {
  id: string;
  programId: string;
  programName: string;
  programCode: string;
  programKind: 'per_student' | 'per_household';
  /** Null when the organiser is above the viewer's org (its name is shown, not its id). */
  orgId: string | null;
  orgName: string;
  name: string;
  year: number;
  status: 'draft' | 'open' | 'closed';
  applyFrom: string;
  applyTo: string;
  noticeDays: number;
  rules: CampaignRules;
  rulesVersion: number;
  stepActors: StepActors;
  worklistBuiltAt: string | null;
  version: number;
  participants?: Array<{ orgId: string | null; orgName: string; orgType: string; budgetFen: number }>;
}

export function usePrograms() {
  return useQuery({ queryKey: [...CAMPAIGNS_KEY, 'programs'], queryFn: () => api.get<{ items: ProgramDto[] }>('/api/programs') });
}

export function useCampaigns() {
  return useQuery({ queryKey: [...CAMPAIGNS_KEY, 'list'], queryFn: () => api.get<{ items: CampaignDto[] }>('/api/campaigns') });
}

export function useCampaign(id: string | undefined) {
  return useQuery({ queryKey: [...CAMPAIGNS_KEY, 'one', id], queryFn: () => api.get<CampaignDto>(`/api/campaigns/${id}`), enabled: !!id });
}

export function useRuleVersions(id: string) {
  return useQuery({ queryKey: [...CAMPAIGNS_KEY, 'rule-versions', id], queryFn: () => api.get<{ items: Array<{ version: number; changedAt: string }> }>(`/api/campaigns/${id}/rule-versions`) });
}

function useInvalidateCampaigns() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: CAMPAIGNS_KEY });
}

export function useCreateProgram() {
  const invalidate = useInvalidateCampaigns();
  return useMutation({ mutationFn: (body: { code: string; name: string; kind: ProgramDto['kind']; description?: string }) => api.post<ProgramDto>('/api/programs', body), onSuccess: invalidate });
}

export interface CreateCampaignBody {
  programId: string;
  orgId: string;
  name: string;
  year: number;
  applyFrom: string;
  applyTo: string;
  noticeDays: number;
  rules: CampaignRules;
  participants: Array<{ orgId: string; budgetFen: number }>;
}

export function useCreateCampaign() {
  const invalidate = useInvalidateCampaigns();
  return useMutation({ mutationFn: (body: CreateCampaignBody) => api.post<{ id: string }>('/api/campaigns', body), onSuccess: invalidate });
}

export function useSaveRules(id: string) {
  const invalidate = useInvalidateCampaigns();
  return useMutation({ mutationFn: (body: { rules: CampaignRules; version: number }) => api.put<{ rulesVersion: number }>(`/api/campaigns/${id}/rules`, body), onSuccess: invalidate });
}

export function useSetCampaignStatus(id: string) {
  const invalidate = useInvalidateCampaigns();
  return useMutation({ mutationFn: (status: CampaignDto['status']) => api.post(`/api/campaigns/${id}/status`, { status }), onSuccess: invalidate });
}

export function useUpdateCampaign(id: string) {
  const invalidate = useInvalidateCampaigns();
  return useMutation({
    mutationFn: (body: { version: number; name?: string; applyFrom?: string; applyTo?: string; noticeDays?: number; stepActors?: StepActors }) => api.patch<{ version: number }>(`/api/campaigns/${id}`, body),
    onSuccess: invalidate,
  });
}
