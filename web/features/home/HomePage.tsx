import { ApartmentOutlined, CheckCircleOutlined, SafetyOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Card, Col, Empty, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MENU_ENTRIES } from '../../shared/menu-entries.js';
import { useCan, useMe } from '../../shared/session.js';
import { localName, roleLabel } from '../../shared/labels.js';
import type { Me } from '../../shared/types.js';
import { useOrgStats } from '../orgs/orgs.api.js';

function WelcomeCard({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  return (
    <Card>
      <Space size={20} align="start">
        <Avatar size={64} icon={<UserOutlined />} style={{ background: '#1a5fd0', flexShrink: 0 }} />
        <div>
          <Typography.Title level={1} style={{ margin: 0, fontSize: 20 }}>
            {t('home.welcome', { name: me.displayName })}
          </Typography.Title>
          <Typography.Text type="secondary">{t('home.welcomeSub')}</Typography.Text>
          <div style={{ marginTop: 14, display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '8px 16px', alignItems: 'center' }}>
            <Typography.Text type="secondary">{t('home.org')}</Typography.Text>
            <Typography.Text strong>
              {localName({ name: me.orgName, nameEn: me.orgNameEn }, i18n.language)} <span className="uh-mono">({me.orgCode})</span>
            </Typography.Text>
            <Typography.Text type="secondary">{t('home.roles')}</Typography.Text>
            <div>
              {me.roles.length ? (
                me.roles.map((r) => (
                  <Tag key={r} color="blue">
                    {roleLabel(t, r)}
                  </Tag>
                ))
              ) : (
                <Typography.Text type="warning">{t('home.noRoles')}</Typography.Text>
              )}
            </div>
          </div>
        </div>
      </Space>
    </Card>
  );
}

function StatsCard({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const { data, isLoading } = useOrgStats(orgId);
  const cells = [
    { key: 'orgs', title: t('home.orgs'), value: data?.orgs, icon: <ApartmentOutlined />, color: '#1a5fd0' },
    { key: 'activeOrgs', title: t('home.activeOrgs'), value: data?.activeOrgs, icon: <CheckCircleOutlined />, color: '#389e0d' },
    { key: 'users', title: t('home.users'), value: data?.users, icon: <TeamOutlined />, color: '#d46b08' },
    { key: 'activeUsers', title: t('home.activeUsers'), value: data?.activeUsers, icon: <CheckCircleOutlined />, color: '#08979c' },
  ];
  return (
    <Card title={t('home.statsTitle')} data-testid="home-stats">
      <Row gutter={[16, 16]}>
        {cells.map((c) => (
          <Col key={c.key} xs={12} md={6}>
            <Card size="small" variant="borderless" style={{ background: '#f7f9fc' }}>
              <Statistic title={c.title} value={c.value ?? '-'} loading={isLoading} prefix={<span style={{ color: c.color }}>{c.icon}</span>} />
            </Card>
          </Col>
        ))}
      </Row>
    </Card>
  );
}

function ShortcutsCard() {
  const { t } = useTranslation();
  const can = useCan();
  const items = MENU_ENTRIES.filter((i) => i.path !== '/' && (!i.permission || can(i.permission)));
  return (
    <Card title={t('home.shortcuts')} style={{ height: '100%' }}>
      {items.length ? (
        <Row gutter={[12, 12]}>
          {items.map((i) => (
            <Col key={i.path} xs={12} md={8} xl={6}>
              <Link to={i.path}>
                <Card size="small" hoverable style={{ textAlign: 'center' }}>
                  <div style={{ fontSize: 24, color: '#1a5fd0' }}>{i.icon}</div>
                  <div style={{ marginTop: 6, color: '#262626' }}>{t(`nav.${i.label}`)}</div>
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.noShortcuts')} />
      )}
    </Card>
  );
}

function SecurityCard() {
  const { t } = useTranslation();
  return (
    <Card
      title={
        <span>
          <SafetyOutlined style={{ color: '#d46b08', marginRight: 8 }} />
          {t('home.securityTitle')}
        </span>
      }
      style={{ height: '100%' }}
    >
      <ul style={{ margin: 0, paddingInlineStart: 18, lineHeight: 2 }}>
        {[t('home.securityIdle'), t('home.securityShare'), t('home.securityPersonal')].map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
    </Card>
  );
}

/** 工作台: who you are, where you act, and the size of your part of the federation. */
export default function HomePage() {
  const { data: me } = useMe();
  const can = useCan();
  if (!me) return null;
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <WelcomeCard me={me} />
      </Col>
      {can('org.read') && (
        <Col span={24}>
          <StatsCard orgId={me.orgId} />
        </Col>
      )}
      <Col xs={24} xl={14}>
        <ShortcutsCard />
      </Col>
      <Col xs={24} xl={10}>
        <SecurityCard />
      </Col>
    </Row>
  );
}
