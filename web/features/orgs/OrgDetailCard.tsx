import { DragOutlined, EditOutlined, PlusOutlined, PoweroffOutlined, CheckCircleOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Col, Descriptions, Divider, Row, Space, Statistic, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../shared/session.js';
import { formatDateTime } from '../../shared/format.js';
import { localName, orgTypeLabel } from '../../shared/labels.js';
import type { Org } from '../../shared/types.js';
import { useReportError } from '../../shared/useReportError.js';
import type { OrgIndex } from './org-tree.js';
import { useOrgStats, useSetOrgActive } from './orgs.api.js';

function OrgStatsRow({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const { data, isLoading } = useOrgStats(orgId);
  const cells = [
    { key: 'orgs', title: t('orgs.statsOrgs'), value: data?.orgs },
    { key: 'activeOrgs', title: t('orgs.statsActiveOrgs'), value: data?.activeOrgs },
    { key: 'users', title: t('orgs.statsUsers'), value: data?.users },
    { key: 'activeUsers', title: t('orgs.statsActiveUsers'), value: data?.activeUsers },
  ];
  return (
    <Row gutter={[16, 16]}>
      {cells.map((c) => (
        <Col key={c.key} xs={12} xl={6}>
          <Card size="small" style={{ background: '#f7f9fc' }} variant="borderless">
            <Statistic title={c.title} value={c.value ?? '-'} loading={isLoading} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

export interface OrgActions {
  onCreateChild: (org: Org) => void;
  onEdit: (org: Org) => void;
  onMove: (org: Org) => void;
}

function OrgActionButtons({ org, isOwnOrg, actions }: { org: Org; isOwnOrg: boolean; actions: OrgActions }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const { modal, message } = App.useApp();
  const reportError = useReportError();
  const setActive = useSetOrgActive();
  const name = localName(org, i18n.language);

  const toggleActive = () =>
    modal.confirm({
      title: t(org.active ? 'orgs.deactivateConfirm' : 'orgs.activateConfirm', { name }),
      content: org.active ? t('orgs.deactivateHint') : undefined,
      okText: t(org.active ? 'orgs.deactivate' : 'orgs.activate'),
      okButtonProps: { danger: org.active },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await setActive.mutateAsync({ id: org.id, active: !org.active });
          void message.success(t(org.active ? 'orgs.deactivated' : 'orgs.activated'));
        } catch (err) {
          reportError(err);
        }
      },
    });

  return (
    <Space wrap>
      {can('org.create') && org.active && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => actions.onCreateChild(org)} data-testid="org-create-child">
          {t('orgs.create')}
        </Button>
      )}
      {can('org.update') && (
        <Button icon={<EditOutlined />} onClick={() => actions.onEdit(org)} data-testid="org-edit">
          {t('common.edit')}
        </Button>
      )}
      {can('org.move') && !isOwnOrg && (
        <Button icon={<DragOutlined />} onClick={() => actions.onMove(org)} data-testid="org-move">
          {t('orgs.move')}
        </Button>
      )}
      {can('org.deactivate') && !isOwnOrg && (
        <Button
          danger={org.active}
          icon={org.active ? <PoweroffOutlined /> : <CheckCircleOutlined />}
          onClick={toggleActive}
          data-testid="org-toggle-active"
        >
          {t(org.active ? 'orgs.deactivate' : 'orgs.activate')}
        </Button>
      )}
    </Space>
  );
}

/** Details, subtree counts and the actions the user may take on the selected org. */
export function OrgDetailCard({ org, index, actions }: { org: Org; index: OrgIndex; actions: OrgActions }) {
  const { t, i18n } = useTranslation();
  const parent = org.parentId ? index.byId.get(org.parentId) : undefined;
  const isOwnOrg = org.id === index.rootId;

  return (
    <Card
      data-testid="org-detail"
      title={
        <Space>
          <span>{localName(org, i18n.language)}</span>
          {isOwnOrg && <Tag color="blue">{t('orgs.rootBadge')}</Tag>}
        </Space>
      }
      extra={<OrgActionButtons org={org} isOwnOrg={isOwnOrg} actions={actions} />}
      styles={{ header: { flexWrap: 'wrap', gap: 8, paddingBlock: 12 } }}
    >
      <Descriptions
        column={{ xs: 1, md: 2 }}
        size="middle"
        items={[
          { key: 'name', label: t('orgs.name'), children: org.name },
          { key: 'nameEn', label: t('orgs.nameEn'), children: org.nameEn || '-' },
          { key: 'code', label: t('orgs.code'), children: <span className="uh-mono">{org.code}</span> },
          { key: 'type', label: t('orgs.type'), children: orgTypeLabel(t, org.type) },
          { key: 'region', label: t('orgs.regionCode'), children: org.regionCode ?? '-' },
          {
            key: 'status',
            label: t('common.status'),
            children: <Badge status={org.active ? 'success' : 'default'} text={t(org.active ? 'common.active' : 'common.inactive')} />,
          },
          { key: 'parent', label: t('orgs.parent'), children: parent ? localName(parent, i18n.language) : '-' },
          { key: 'depth', label: t('orgs.depth'), children: t('orgs.depthValue', { depth: org.depth + 1 }) },
          { key: 'created', label: t('common.createdAt'), children: formatDateTime(org.createdAt) },
          { key: 'updated', label: t('common.updatedAt'), children: formatDateTime(org.updatedAt) },
        ]}
      />
      <Divider style={{ margin: '8px 0 20px' }} />
      <OrgStatsRow orgId={org.id} />
    </Card>
  );
}
