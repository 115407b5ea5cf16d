import { PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Space, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan, useMe } from '../../shared/session.js';
import { errorMessage } from '../../shared/errors.js';
import { formatDateTime } from '../../shared/format.js';
import { localName, roleLabel } from '../../shared/labels.js';
import { PageHeader } from '../../shared/PageHeader.js';
import type { User } from '../../shared/types.js';
import { useOrgTree } from '../orgs/orgs.api.js';
import { CreateUserModal } from './CreateUserModal.js';
import { EditRolesModal } from './EditRolesModal.js';
import { EditUserModal } from './EditUserModal.js';
import { OneTimePasswordModal } from './OneTimePasswordModal.js';
import { UserFilters, type UserFilterValues } from './UserFilters.js';
import { UserRowActions, type UserRowHandlers } from './UserRowActions.js';
import { useUsers, type OneTimePassword, type UserListParams, type UserSort } from './users.api.js';

const SORTABLE: readonly string[] = ['username', 'displayName', 'createdAt'] satisfies UserSort[];

function StatusTags({ user }: { user: User }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size={0}>
      <Badge status={user.active ? 'success' : 'default'} text={t(user.active ? 'users.statusActive' : 'users.statusDisabled')} />
      {user.locked && (
        <Tooltip title={t('users.lockedUntil', { time: formatDateTime(user.lockedUntil) })}>
          <Badge status="error" text={t('users.statusLocked')} />
        </Tooltip>
      )}
      {user.mustChangePassword && <Badge status="warning" text={t('users.mustChangePassword')} />}
    </Space>
  );
}

const ROW_ACTION_PERMISSIONS = ['user.update', 'role.assign', 'user.disable', 'user.unlock', 'user.reset_password'] as const;

function useColumns(handlers: UserRowHandlers, params: UserListParams): NonNullable<TableProps<User>['columns']> {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const can = useCan();
  const { index } = useOrgTree();
  // The list gives the org's Chinese name only; the tree knows the English one too.
  const orgName = (u: User) => {
    const org = index?.byId.get(u.orgId);
    return org ? localName(org, i18n.language) : u.orgName;
  };
  const sortOrder = (field: UserSort) => (params.sort === field ? (params.order === 'asc' ? 'ascend' : 'descend') : null);
  const columns: NonNullable<TableProps<User>['columns']> = [
    {
      title: t('users.username'),
      dataIndex: 'username',
      width: 160,
      sorter: true,
      sortOrder: sortOrder('username'),
      render: (v: string, u) => (
        <Space size={6}>
          <span className="uh-mono">{v}</span>
          {u.id === me?.userId && <Tag color="blue">{t('users.self')}</Tag>}
        </Space>
      ),
    },
    { title: t('users.displayName'), dataIndex: 'displayName', width: 150, sorter: true, sortOrder: sortOrder('displayName') },
    { title: t('users.org'), dataIndex: 'orgName', ellipsis: { showTitle: true }, render: (_, u) => orgName(u) },
    {
      title: t('users.roles'),
      dataIndex: 'roles',
      width: 150,
      render: (roles: string[]) =>
        roles.length ? (
          <Space size={[0, 4]} wrap>
            {roles.map((r) => (
              <Tag key={r} color="geekblue">
                {roleLabel(t, r)}
              </Tag>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ),
    },
    { title: t('users.status'), key: 'status', width: 100, render: (_, u) => <StatusTags user={u} /> },
    { title: t('common.createdAt'), dataIndex: 'createdAt', sorter: true, sortOrder: sortOrder('createdAt'), width: 150, render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span> },
  ];
  if (ROW_ACTION_PERMISSIONS.some((p) => can(p)))
    columns.push({ title: t('common.actions'), key: 'actions', width: 220, fixed: 'right', render: (_, u) => <UserRowActions user={u} handlers={handlers} /> });
  return columns;
}

export default function UsersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { data: me } = useMe();
  const [params, setParams] = useState<UserListParams>({ page: 1, pageSize: 20, sort: 'username', order: 'asc' });
  const { data, isFetching, error } = useUsers(params);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [editingRoles, setEditingRoles] = useState<User | null>(null);
  const [otp, setOtp] = useState<OneTimePassword | null>(null);

  const handlers: UserRowHandlers = { onEdit: setEditing, onEditRoles: setEditingRoles, onPassword: setOtp };
  const columns = useColumns(handlers, params);

  const onFilter = (f: UserFilterValues) => setParams((p) => ({ page: 1, pageSize: p.pageSize, sort: p.sort, order: p.order, ...f }));

  const onTableChange: TableProps<User>['onChange'] = (pagination, _filters, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = typeof s?.field === 'string' && SORTABLE.includes(s.field) && s.order ? (s.field as UserSort) : 'username';
    const order = s?.order === 'descend' ? 'desc' : 'asc';
    setParams((p) => ({
      ...p,
      page: field !== p.sort || order !== p.order ? 1 : (pagination.current ?? 1),
      pageSize: pagination.pageSize ?? p.pageSize,
      sort: field,
      order,
    }));
  };

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        extra={
          can('user.create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="user-create">
              {t('users.create')}
            </Button>
          )
        }
      />
      <Card style={{ marginBottom: 16 }} styles={{ body: { paddingBottom: 0 } }}>
        <UserFilters onSearch={onFilter} />
      </Card>
      <Card>
        {error && <Typography.Text type="danger">{errorMessage(t, error)}</Typography.Text>}
        <Table<User>
          data-testid="user-table"
          rowKey="id"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={isFetching}
          onChange={onTableChange}
          scroll={{ x: 1080 }}
          pagination={{
            current: params.page,
            pageSize: params.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (total) => t('common.total', { total }),
          }}
        />
      </Card>
      <CreateUserModal
        open={creating}
        defaultOrgId={params.orgId ?? me?.orgId}
        onClose={() => setCreating(false)}
        onCreated={(created) => {
          setCreating(false);
          setOtp(created);
        }}
      />
      <EditUserModal user={editing} onClose={() => setEditing(null)} />
      <EditRolesModal user={editingRoles} onClose={() => setEditingRoles(null)} />
      <OneTimePasswordModal value={otp} onClose={() => setOtp(null)} />
    </>
  );
}
