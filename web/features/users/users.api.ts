import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RoleKey } from '../../../contracts/roles.js';
import { api, type Page } from '../../shared/api.js';
import type { RoleDef, User } from '../../shared/types.js';

export const USERS_KEY = ['users'] as const;

export type UserSort = 'username' | 'displayName' | 'createdAt';

export interface UserListParams {
  page: number;
  pageSize: number;
  sort: UserSort;
  order: 'asc' | 'desc';
  q?: string;
  orgId?: string;
  role?: RoleKey;
  active?: 'true' | 'false';
}

export function useUsers(params: UserListParams) {
  return useQuery({
    queryKey: [...USERS_KEY, 'list', params],
    queryFn: ({ signal }) => api.get<Page<User>>('/api/users', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useRoles() {
  return useQuery({
    queryKey: ['roles'],
    queryFn: () => api.get<{ items: RoleDef[] }>('/api/roles').then((r) => r.items),
    staleTime: Infinity,
  });
}

export interface OneTimePassword {
  username: string;
  password: string;
}

/** A user mutation that refreshes the lists (and org counts) afterwards. */
function useUserMutation<V, R>(fn: (v: V) => Promise<R>, opts: { secret?: boolean } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    // One-time passwords must not linger in the mutation cache once shown.
    gcTime: opts.secret ? 0 : undefined,
    onSuccess: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: USERS_KEY }), queryClient.invalidateQueries({ queryKey: ['orgs'] })]);
    },
  });
}

export interface CreateUserBody {
  orgId: string;
  username: string;
  displayName: string;
  roles: RoleKey[];
}

export const useCreateUser = () =>
  useUserMutation((body: CreateUserBody) => api.post<{ user: User; oneTimePassword: string }>('/api/users', body), { secret: true });

export const useUpdateUser = () =>
  useUserMutation(({ id, ...body }: { id: string; displayName?: string; orgId?: string }) => api.patch<User>(`/api/users/${id}`, body));

export const useSetUserRoles = () => useUserMutation(({ id, roles }: { id: string; roles: RoleKey[] }) => api.put<User>(`/api/users/${id}/roles`, { roles }));

export const useSetUserActive = () =>
  useUserMutation(({ id, active }: { id: string; active: boolean }) => api.post<User>(`/api/users/${id}/${active ? 'enable' : 'disable'}`));

export const useUnlockUser = () => useUserMutation((id: string) => api.post<User>(`/api/users/${id}/unlock`));

export const useResetPassword = () =>
  useUserMutation((id: string) => api.post<{ oneTimePassword: string }>(`/api/users/${id}/reset-password`), { secret: true });
