import { BankOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Avatar, Button, Dropdown, Layout, Menu, Space, Tooltip, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { localName } from '../shared/labels.js';
import { LanguageSwitch } from '../shared/LanguageSwitch.js';
import { PageSpinner } from '../shared/PageSpinner.js';
import { MENU_ITEMS } from './menu.js';
import { selectedMenuKey } from './selected-menu-key.js';
import { ErrorBoundary } from './results.js';
import { signOut, useCan, useMe } from '../shared/session.js';
import type { LoginLocationState } from '../shared/session.js';

const { Sider, Header, Content } = Layout;

function SiderBrand({ collapsed, subtitle }: { collapsed: boolean; subtitle: string }) {
  const { t } = useTranslation();
  return (
    <div style={{ padding: collapsed ? '18px 0' : '18px 20px', textAlign: collapsed ? 'center' : 'left', borderBottom: '1px solid rgba(255,255,255,0.08)' }}>
      <Space size={10} align="center">
        <img src="/favicon.svg" alt="" width={32} height={32} style={{ borderRadius: 8, background: '#fff2' }} />
        {!collapsed && (
          <div style={{ lineHeight: 1.3 }}>
            <div style={{ color: '#fff', fontSize: 17, fontWeight: 600, letterSpacing: 1 }}>{t('app.name')}</div>
            <div style={{ color: 'rgba(255,255,255,0.6)', fontSize: 12, marginTop: 2 }}>{subtitle}</div>
          </div>
        )}
      </Space>
    </div>
  );
}

function UserArea() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { modal } = App.useApp();
  if (!me) return null;

  const doSignOut = () =>
    modal.confirm({
      title: t('header.signOutConfirm'),
      okText: t('header.signOut'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        await signOut(queryClient).catch(() => undefined);
        const state: LoginLocationState = { signedOut: true };
        void navigate('/login', { replace: true, state });
      },
    });

  return (
    <Space size={20} align="center">
      <Tooltip title={me.orgCode}>
        <span data-testid="current-org" style={{ display: 'inline-flex', alignItems: 'center', gap: 6, color: '#434343' }}>
          <BankOutlined style={{ color: '#1a5fd0' }} />
          <Typography.Text type="secondary">{t('header.currentOrg')}</Typography.Text>
          <Typography.Text strong>{localName({ name: me.orgName, nameEn: me.orgNameEn }, i18n.language)}</Typography.Text>
        </span>
      </Tooltip>
      <LanguageSwitch size="small" />
      <Dropdown
        menu={{
          items: [{ key: 'password', icon: <KeyOutlined />, label: t('header.changePassword'), onClick: () => void navigate('/change-password') }],
        }}
      >
        <span data-testid="user-menu" style={{ cursor: 'pointer', display: 'inline-flex', alignItems: 'center', gap: 8 }}>
          <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1a5fd0' }} />
          <Typography.Text>{me.displayName}</Typography.Text>
        </span>
      </Dropdown>
      <Button data-testid="sign-out" icon={<LogoutOutlined />} onClick={doSignOut}>
        {t('header.signOut')}
      </Button>
    </Space>
  );
}

export function AppLayout() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const can = useCan();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);

  const items = MENU_ITEMS.filter((i) => !i.permission || can(i.permission)).map((i) => ({
    key: i.path,
    icon: i.icon,
    label: t(`nav.${i.label}`),
  }));
  const federation = me ? localName({ name: me.orgName, nameEn: me.orgNameEn }, i18n.language) : t('app.subtitle');

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider width={232} collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg" style={{ boxShadow: '2px 0 8px rgba(0,21,41,0.25)', zIndex: 2 }}>
        <SiderBrand collapsed={collapsed} subtitle={federation} />
        <Menu
          theme="dark"
          mode="inline"
          data-testid="side-menu"
          selectedKeys={[selectedMenuKey(location.pathname, MENU_ITEMS.map((i) => i.path))]}
          items={items}
          onClick={({ key }) => void navigate(key)}
          style={{ borderInlineEnd: 0, paddingTop: 8 }}
        />
      </Sider>
      <Layout>
        <Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'flex-end', borderBottom: '1px solid #e8e8e8', boxShadow: '0 1px 4px rgba(0,21,41,0.06)' }}>
          <UserArea />
        </Header>
        <Content style={{ padding: 24 }}>
          <ErrorBoundary key={location.pathname}>
            <Suspense fallback={<PageSpinner />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Content>
      </Layout>
    </Layout>
  );
}
