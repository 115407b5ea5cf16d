import { Alert, Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OneTimePassword } from './users.api.js';

/** Shows a one-time password exactly once; the caller drops it from state when this closes. */
export function OneTimePasswordModal({ value, onClose }: { value: OneTimePassword | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={!!value}
      title={t('users.otpTitle')}
      onCancel={onClose}
      mask={{ closable: false }}
      keyboard={false}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose} data-testid="otp-done">
          {t('users.otpDone')}
        </Button>
      }
    >
      {value && (
        <>
          <Alert type="warning" showIcon title={t('users.otpWarning')} style={{ margin: '12px 0 20px' }} />
          <Typography.Text type="secondary">{t('users.otpFor', { username: value.username })}</Typography.Text>
          <div style={{ margin: '12px 0 8px', padding: '16px 20px', background: '#f6f8fb', border: '1px dashed #adc6ff', borderRadius: 8, textAlign: 'center' }}>
            <Typography.Text
              data-testid="one-time-password"
              copyable={{ text: value.password, tooltips: [t('common.copy'), t('common.copied')] }}
              style={{ fontSize: 22, letterSpacing: 2, fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' }}
            >
              {value.password}
            </Typography.Text>
          </div>
        </>
      )}
    </Modal>
  );
}
