import { CheckOutlined, CloseOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Drawer, Empty, Form, Input, Modal, Space, Table, Tooltip, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HardshipCategory, HardshipCause } from '../../../contracts/households.js';
import { useMe } from '../../shared/session.js';
import { isApiError } from '../../shared/api.js';
import { formatDateTime } from '../../shared/format.js';
import { localName } from '../../shared/labels.js';
import { PageHeader } from '../../shared/PageHeader.js';
import { useOrgTree } from '../orgs/orgs.api.js';
import { codeLabel } from './household-labels.js';
import { householdErrorMessage, importDecisionErrorMessage } from './household-errors.js';
import { SoftTag } from './HouseholdStatusTag.js';
import { useDecideImport, useImportHouseholds, useImportsAwaitingApproval, type HouseholdListItem, type ImportListItem } from './households.api.js';

const PAGE_SIZES = [10, 20, 50];

type Decision = { item: ImportListItem; approve: boolean };

/** The approve / reject dialog: the confirmation, with an optional note or a required reason. */
function DecisionModal({ decision, onClose, onDone }: { decision: Decision | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason?: string }>();
  const decide = useDecideImport();
  const [error, setError] = useState<string | null>(null);
  const approve = decision?.approve ?? true;
  const item = decision?.item;

  const close = () => {
    setError(null);
    form.resetFields();
    onClose();
  };

  const submit = async () => {
    if (!item) return;
    const { reason } = await form.validateFields();
    const text = reason?.trim();
    setError(null);
    try {
      await decide.mutateAsync({ id: item.id, approve, reason: text || undefined });
      void message.success(approve ? t('households.importApprovals.approved', { households: item.importedHouseholds }) : t('households.importApprovals.rejected'));
      form.resetFields();
      onDone();
    } catch (err) {
      if (isApiError(err) && err.status === 401) return;
      setError(importDecisionErrorMessage(t, err));
    }
  };

  return (
    <Modal
      open={!!decision}
      title={t(approve ? 'households.importApprovals.approveTitle' : 'households.importApprovals.rejectTitle')}
      okText={t(approve ? 'households.importApprovals.approveOk' : 'households.importApprovals.rejectOk')}
      okButtonProps={{ danger: !approve, loading: decide.isPending, ...({ 'data-testid': 'import-decision-submit' } as object) }}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={close}
      destroyOnHidden
      data-testid="import-decision-modal"
    >
      {item && (
        <Typography.Paragraph style={{ marginTop: 12 }}>
          {approve
            ? t('households.importApprovals.approveConfirm', { households: item.importedHouseholds, org: item.orgName })
            : t('households.importApprovals.rejectConfirm', { households: item.importedHouseholds })}
        </Typography.Paragraph>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="import-decision-error" />}
      <Form form={form} layout="vertical" requiredMark={approve ? 'optional' : true}>
        <Form.Item
          name="reason"
          label={t(approve ? 'households.importApprovals.note' : 'households.importApprovals.reason')}
          rules={approve ? [{ max: 500 }] : [{ required: true, whitespace: true, message: t('households.importApprovals.reasonRequired') }, { max: 500 }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder={t(approve ? 'households.importApprovals.notePlaceholder' : 'households.importApprovals.reasonPlaceholder')}
            data-testid="import-decision-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The households the import wrote, masked and paginated. */
function ImportHouseholds({ item }: { item: ImportListItem }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [params, setParams] = useState({ page: 1, pageSize: 10 });
  const { data, isFetching, error } = useImportHouseholds(item.id, params);
  if (error) return <Alert type="error" showIcon title={importDecisionErrorMessage(t, error)} />;
  return (
    <Table<HouseholdListItem>
      data-testid="import-households"
      rowKey="id"
      size="small"
      loading={isFetching}
      dataSource={data?.items ?? []}
      scroll={{ x: 860 }}
      pagination={{
        current: params.page,
        pageSize: params.pageSize,
        total: data?.total ?? item.importedHouseholds,
        showSizeChanger: false,
        showTotal: (total) => t('households.importApprovals.householdsValue', { count: total }),
        onChange: (page, pageSize) => setParams({ page, pageSize }),
      }}
      columns={[
        { title: t('households.fields.caseNo'), dataIndex: 'caseNo', width: 150, render: (v: string) => <span className="uh-mono">{v}</span> },
        { title: t('households.fields.name'), dataIndex: 'name', width: 100 },
        { title: t('households.fields.idNumber'), dataIndex: 'idNumberMasked', width: 168, render: (v: string) => <span className="uh-mono">{v}</span> },
        { title: t('households.fields.phone'), dataIndex: 'phoneMasked', width: 116, render: (v: string | null) => <span className="uh-mono">{v ?? '-'}</span> },
        { title: t('households.fields.category'), dataIndex: 'category', width: 110, ellipsis: { showTitle: true }, render: (v: string) => codeLabel(HardshipCategory, v, lang) },
        { title: t('households.fields.mainCause'), dataIndex: 'mainCause', width: 140, ellipsis: { showTitle: true }, render: (v: string) => codeLabel(HardshipCause, v, lang) },
        { title: t('households.fields.householdSize'), dataIndex: 'householdSize', width: 80, align: 'right', render: (v: number) => t('households.list.persons', { count: v }) },
      ]}
    />
  );
}

function DecisionButtons({ item, own, onDecide, size }: { item: ImportListItem; own: boolean; onDecide: (d: Decision) => void; size?: 'small' }) {
  const { t } = useTranslation();
  const buttons = (
    <Space size={8}>
      <Button size={size} type="primary" icon={<CheckOutlined />} disabled={own} onClick={() => onDecide({ item, approve: true })} data-testid="import-approve">
        {t('households.importApprovals.approve')}
      </Button>
      <Button size={size} danger icon={<CloseOutlined />} disabled={own} onClick={() => onDecide({ item, approve: false })} data-testid="import-reject">
        {t('households.importApprovals.reject')}
      </Button>
    </Space>
  );
  return own ? <Tooltip title={t('households.importApprovals.ownHint')}>{buttons}</Tooltip> : buttons;
}

/** 档案导入审核: imports "as archived" awaiting a second person, with the households each wrote. */
export default function ImportApprovalsPage() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const { index } = useOrgTree();
  const [params, setParams] = useState({ page: 1, pageSize: 20 });
  const { data, isFetching, error, refetch } = useImportsAwaitingApproval(params);
  const [openId, setOpenId] = useState<string | null>(null);
  const [decision, setDecision] = useState<Decision | null>(null);
  const items = data?.items ?? [];
  const open = items.find((i) => i.id === openId) ?? null;
  const isOwn = (i: ImportListItem) => i.createdBy === me?.userId;
  const orgName = (i: ImportListItem) => {
    const org = index?.byId.get(i.orgId);
    return org ? localName(org, i18n.language) : i.orgName;
  };

  const columns: TableProps<ImportListItem>['columns'] = [
    { title: t('households.importApprovals.org'), dataIndex: 'orgName', width: 150, ellipsis: { showTitle: true }, render: (_, i) => orgName(i) },
    {
      title: t('households.importApprovals.filename'),
      dataIndex: 'filename',
      ellipsis: { showTitle: true },
      render: (v: string, i) => (
        <Typography.Link onClick={() => setOpenId(i.id)} data-testid="import-open">
          {v}
        </Typography.Link>
      ),
    },
    { title: t('households.importApprovals.households'), dataIndex: 'importedHouseholds', width: 116, align: 'right', render: (v: number) => t('households.importApprovals.householdsValue', { count: v }) },
    { title: t('households.importApprovals.members'), dataIndex: 'importedMembers', width: 100, align: 'right', render: (v: number) => t('households.importApprovals.membersValue', { count: v }) },
    {
      title: t('households.importApprovals.importedBy'),
      dataIndex: 'createdByName',
      width: 170,
      render: (v: string | null, i) => (
        <Space size={4} wrap>
          <span>{v ?? '-'}</span>
          {isOwn(i) && (
            <Tooltip title={t('households.importApprovals.ownHint')}>
              <SoftTag color="gold" style={{ marginInlineEnd: 0 }} data-testid="import-own">
                {t('households.importApprovals.own')}
              </SoftTag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    { title: t('households.importApprovals.importedAt'), dataIndex: 'finishedAt', width: 150, render: (v: string | null, i) => <span className="uh-mono">{formatDateTime(v ?? i.createdAt)}</span> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 260,
      fixed: 'right',
      render: (_, i) => (
        <Space size={8}>
          <Button size="small" type="link" style={{ paddingInline: 0 }} onClick={() => setOpenId(i.id)} data-testid="import-view">
            {t('households.importApprovals.view')}
          </Button>
          <DecisionButtons item={i} own={isOwn(i)} onDecide={setDecision} size="small" />
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('households.importApprovals.title')}
        description={t('households.importApprovals.description')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void refetch()} loading={isFetching}>
            {t('common.refresh')}
          </Button>
        }
      />
      <Card>
        {error && <Alert type="error" showIcon title={householdErrorMessage(t, error)} style={{ marginBottom: 16 }} />}
        <Table<ImportListItem>
          data-testid="import-approvals-table"
          rowKey="id"
          loading={isFetching}
          dataSource={items}
          columns={columns}
          scroll={{ x: 1100 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('households.importApprovals.empty')} /> }}
          pagination={{
            current: params.page,
            pageSize: params.pageSize,
            total: data?.total ?? 0,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showTotal: (total) => t('households.importApprovals.total', { count: total }),
            onChange: (page, pageSize) => setParams({ page: pageSize === params.pageSize ? page : 1, pageSize }),
          }}
        />
      </Card>
      <Drawer
        open={!!open}
        size={1000}
        title={open ? t('households.importApprovals.detailTitle', { filename: open.filename }) : ''}
        onClose={() => setOpenId(null)}
        destroyOnHidden
        data-testid="import-drawer"
        extra={open && <DecisionButtons item={open} own={isOwn(open)} onDecide={setDecision} />}
      >
        {open && (
          <>
            {isOwn(open) && <Alert type="warning" showIcon title={t('households.importApprovals.ownHint')} style={{ marginBottom: 16 }} data-testid="import-own-hint" />}
            <Descriptions size="small" column={2} bordered style={{ marginBottom: 20 }}>
              <Descriptions.Item label={t('households.importApprovals.org')}>{orgName(open)}</Descriptions.Item>
              <Descriptions.Item label={t('households.importApprovals.filename')}>{open.filename}</Descriptions.Item>
              <Descriptions.Item label={t('households.importApprovals.households')}>{t('households.importApprovals.householdsValue', { count: open.importedHouseholds })}</Descriptions.Item>
              <Descriptions.Item label={t('households.importApprovals.members')}>{t('households.importApprovals.membersValue', { count: open.importedMembers })}</Descriptions.Item>
              <Descriptions.Item label={t('households.importApprovals.importedBy')}>{open.createdByName ?? '-'}</Descriptions.Item>
              <Descriptions.Item label={t('households.importApprovals.importedAt')}>
                <span className="uh-mono">{formatDateTime(open.finishedAt ?? open.createdAt)}</span>
              </Descriptions.Item>
            </Descriptions>
            <Typography.Title level={3} style={{ fontSize: 15, marginBottom: 4 }}>
              {t('households.importApprovals.householdsTitle')}
            </Typography.Title>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
              {t('households.importApprovals.householdsHint')}
            </Typography.Paragraph>
            <ImportHouseholds item={open} />
          </>
        )}
      </Drawer>
      <DecisionModal
        decision={decision}
        onClose={() => setDecision(null)}
        onDone={() => {
          setDecision(null);
          setOpenId(null);
        }}
      />
    </>
  );
}
