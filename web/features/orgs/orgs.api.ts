import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../../shared/api.js';
import type { Org, OrgStats, OrgTreeResponse, OrgType } from '../../shared/types.js';
import { indexOrgs } from './org-tree.js';

export const ORGS_KEY = ['orgs'] as const;

/** The user's whole org subtree, indexed. Shared by the org page and every org picker. */
export function useOrgTree(enabled = true) {
  const query = useQuery({
    queryKey: [...ORGS_KEY, 'tree'],
    queryFn: () => api.get<OrgTreeResponse>('/api/orgs/tree'),
    staleTime: 60_000,
    enabled,
  });
  const index = useMemo(() => (query.data ? indexOrgs(query.data.rootId, query.data.items) : undefined), [query.data]);
  return { ...query, index };
}

export function useOrgStats(orgId: string | undefined) {
  return useQuery({
    queryKey: [...ORGS_KEY, orgId, 'stats'],
    queryFn: () => api.get<OrgStats>(`/api/orgs/${orgId}/stats`),
    enabled: !!orgId,
  });
}

export interface CreateOrgBody {
  parentId: string;
  code: string;
  name: string;
  nameEn?: string;
  type: OrgType;
  regionCode?: string;
}

export interface UpdateOrgBody {
  name?: string;
  nameEn?: string;
  type?: OrgType;
  regionCode?: string | null;
}

function useOrgMutation<V>(fn: (v: V) => Promise<Org>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ORGS_KEY }),
  });
}

export const useCreateOrg = () => useOrgMutation((body: CreateOrgBody) => api.post<Org>('/api/orgs', body));
export const useUpdateOrg = () => useOrgMutation(({ id, ...body }: UpdateOrgBody & { id: string }) => api.patch<Org>(`/api/orgs/${id}`, body));
export const useMoveOrg = () => useOrgMutation(({ id, newParentId }: { id: string; newParentId: string }) => api.post<Org>(`/api/orgs/${id}/move`, { newParentId }));
export const useSetOrgActive = () =>
  useOrgMutation(({ id, active }: { id: string; active: boolean }) => api.post<Org>(`/api/orgs/${id}/${active ? 'activate' : 'deactivate'}`));
