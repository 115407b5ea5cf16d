import { ArrowLeftOutlined, KeyOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { ME_KEY, useMe, useSignOut } from '../../shared/session.js';
import { api } from '../../shared/api.js';
import { LanguageSwitch } from '../../shared/LanguageSwitch.js';
import type { Me } from '../../shared/types.js';
import { useReportError } from '../../shared/useReportError.js';

// The server's rule (server/platform/passwords.ts); it checks common passwords and the username too.
const PASSWORD_MIN = 12;
const PASSWORD_MAX = 128;

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

const FIELDS = ['currentPassword', 'newPassword'] as const;

export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const signOut = useSignOut();
  const reportError = useReportError();
  const [form] = Form.useForm<PasswordForm>();
  const forced = !!me?.mustChangePassword;

  const change = useMutation({
    mutationFn: (v: PasswordForm) => api.post('/api/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword }),
    onSuccess: () => {
      queryClient.setQueryData<Me | null>(ME_KEY, (old) => (old ? { ...old, mustChangePassword: false } : old));
      void message.success(t('password.success'));
      void navigate('/', { replace: true });
    },
    onError: (err) => reportError(err, { instance: form, fields: FIELDS }),
  });

  return (
    <main className="uh-login-bg">
      <header style={{ position: 'fixed', top: 20, right: 24 }}>
        <LanguageSwitch />
      </header>
      <Card
        style={{ width: 460, maxWidth: '100%', boxShadow: '0 12px 40px rgba(10,42,94,0.12)' }}
        title={
          <h1 style={{ margin: 0, fontSize: 16, fontWeight: 600 }}>
            <KeyOutlined style={{ marginRight: 8, color: '#1a5fd0' }} />
            {t('password.title')}
          </h1>
        }
        extra={
          forced ? (
            <Button type="link" onClick={() => void signOut()
                  .catch(() => undefined)
                  .then(() => navigate('/login', { replace: true }))}>
              {t('header.signOut')}
            </Button>
          ) : (
            <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => void (location.key === 'default' ? navigate('/') : navigate(-1))}>
              {t('common.back')}
            </Button>
          )
        }
      >
        {forced && <Alert type="warning" showIcon title={t('password.mustChange')} style={{ marginBottom: 16 }} />}
        {me && (
          <Typography.Paragraph type="secondary">
            {me.displayName} · {me.username}
          </Typography.Paragraph>
        )}
        <Form<PasswordForm> form={form} layout="vertical" requiredMark={false} onFinish={(v) => change.mutate(v)}>
          <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('common.required', { field: t('password.current') }) }]}>
            <Input.Password autoComplete="current-password" data-testid="password-current" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('password.new')}
            extra={t('password.rules')}
            dependencies={['currentPassword']}
            rules={[
              { required: true, message: t('common.required', { field: t('password.new') }) },
              { min: PASSWORD_MIN, message: t('password.tooShort', { min: PASSWORD_MIN }) },
              { max: PASSWORD_MAX, message: t('password.tooLong', { max: PASSWORD_MAX }) },
              ({ getFieldValue }) => ({
                validator: (_, value: string) =>
                  value && value === getFieldValue('currentPassword') ? Promise.reject(new Error(t('password.sameAsCurrent'))) : Promise.resolve(),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="password-new" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('password.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('common.required', { field: t('password.confirm') }) },
              ({ getFieldValue }) => ({
                validator: (_, value: string) =>
                  !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="password-confirm" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={change.isPending} data-testid="password-submit">
            {t('password.submit')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
