import { LockOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { signIn, useMe } from '../../shared/session.js';
import type { LoginLocationState } from '../../shared/session.js';
import { isApiError } from '../../shared/api.js';
import { errorMessage } from '../../shared/errors.js';
import { LanguageSwitch } from '../../shared/LanguageSwitch.js';

interface LoginForm {
  username: string;
  password: string;
}

/** Only a path inside this app is a valid place to return to after signing in. */
function safeReturnPath(from: string | undefined): string {
  return from && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/';
}

function Brand() {
  const { t } = useTranslation();
  return (
    <div style={{ textAlign: 'center', marginBottom: 28 }}>
      <img src="/favicon.svg" alt="" width={52} height={52} style={{ borderRadius: 12, boxShadow: '0 6px 16px rgba(11,61,145,0.25)' }} />
      <Typography.Title level={1} style={{ margin: '16px 0 4px', letterSpacing: 2, fontSize: 30 }}>
        {t('login.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
    </div>
  );
}

export default function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const state = (location.state ?? {}) as LoginLocationState;
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  if (me && !submitting) return <Navigate to={me.mustChangePassword ? '/change-password' : '/'} replace />;

  const onFinish = async (values: LoginForm) => {
    setSubmitting(true);
    setError(null);
    try {
      const signedIn = await signIn(queryClient, values.username.trim(), values.password);
      void navigate(signedIn?.mustChangePassword ? '/change-password' : safeReturnPath(state.from), { replace: true });
    } catch (err) {
      if (isApiError(err) && err.status === 401) setError(t('login.failed'));
      else if (isApiError(err) && err.status === 429) setError(t('login.tooMany'));
      else setError(errorMessage(t, err));
    } finally {
      setSubmitting(false);
    }
  };

  const notice = error
    ? { type: 'error' as const, text: error }
    : state.expired
      ? { type: 'warning' as const, text: t('login.expired') }
      : state.signedOut
        ? { type: 'success' as const, text: t('login.signedOut') }
        : null;

  return (
    <main className="uh-login-bg">
      <header style={{ position: 'fixed', top: 20, right: 24 }}>
        <LanguageSwitch />
      </header>
      <Card style={{ width: 400, maxWidth: '100%', boxShadow: '0 12px 40px rgba(10,42,94,0.12)' }} styles={{ body: { padding: '40px 36px 28px' } }}>
        <Brand />
        {notice && <Alert type={notice.type} title={notice.text} showIcon style={{ marginBottom: 20 }} data-testid="login-notice" />}
        <Form<LoginForm> layout="vertical" size="large" requiredMark={false} onFinish={(v) => void onFinish(v)} autoComplete="on">
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('login.usernamePlaceholder') }]}>
            <Input prefix={<UserOutlined />} placeholder={t('login.usernamePlaceholder')} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordPlaceholder') }]}>
            <Input.Password prefix={<LockOutlined />} placeholder={t('login.passwordPlaceholder')} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Form.Item style={{ marginBottom: 12 }}>
            <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
              {t('login.submit')}
            </Button>
          </Form.Item>
        </Form>
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'flex', alignItems: 'center', gap: 6, justifyContent: 'center' }}>
          <SafetyCertificateOutlined /> {t('login.securityNote')}
        </Typography.Text>
      </Card>
      <footer>
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 24, fontSize: 12 }}>
          {t('app.browserHint')}
        </Typography.Text>
      </footer>
    </main>
  );
}
