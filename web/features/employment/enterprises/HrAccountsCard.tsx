import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Username } from '../../../../contracts/users.js';
import { formatDateTime } from '../../../shared/format.js';
import { useReportError } from '../../../shared/useReportError.js';
import { OneTimePasswordModal } from '../../users/OneTimePasswordModal.js';
import { enterpriseErrorMessage } from './enterprise-errors.js';
import { useCreateHrAccount, useHrAccounts, type EnterpriseDto, type HrAccountDto } from './enterprises.api.js';

const FIELDS = ['username', 'displayName'] as const;

/** 招聘账号: the enterprise's HR accounts and 创建招聘账号, whose one-time password is shown once. */
export function HrAccountsCard({ enterprise }: { enterprise: EnterpriseDto }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data, isLoading } = useHrAccounts(enterprise.id, true);
  const create = useCreateHrAccount(enterprise.id);
  const report = useReportError(enterpriseErrorMessage);
  const [form] = Form.useForm<{ username: string; displayName: string }>();
  const [creating, setCreating] = useState(false);
  const [issued, setIssued] = useState<{ username: string; password: string } | null>(null);

  const submit = async () => {
    const v = await form.validateFields();
    try {
      const { account, oneTimePassword } = await create.mutateAsync({ username: v.username.trim(), displayName: v.displayName.trim() });
      setCreating(false);
      form.resetFields();
      void message.success(t('enterprises.hr.created'));
      setIssued({ username: account.username, password: oneTimePassword });
    } catch (err) {
      report(err, { instance: form, fields: FIELDS });
    }
  };

  return (
    <Card
      title={t('enterprises.hr.title')}
      extra={
        <Button icon={<PlusOutlined />} disabled={enterprise.status !== 'active'} onClick={() => setCreating(true)} data-testid="hr-account-new">
          {t('enterprises.hr.create')}
        </Button>
      }
      data-testid="hr-accounts"
    >
      <Typography.Paragraph type="secondary">{t('enterprises.hr.hint')}</Typography.Paragraph>
      <Table<HrAccountDto>
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('enterprises.hr.empty') }}
        data-testid="hr-accounts-table"
        columns={[
          { title: t('enterprises.hr.username'), dataIndex: 'username', render: (v: string) => <Typography.Text className="uh-mono">{v}</Typography.Text> },
          { title: t('enterprises.hr.displayName'), dataIndex: 'displayName' },
          {
            title: t('enterprises.hr.active'),
            render: (_, a) => (
              <Space size={4}>
                <Tag color={a.active ? 'green' : 'default'}>{t(a.active ? 'enterprises.hr.activeYes' : 'enterprises.hr.activeNo')}</Tag>
                {a.mustChangePassword && <Tag color="gold">{t('enterprises.hr.mustChange')}</Tag>}
              </Space>
            ),
          },
          { title: t('enterprises.hr.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
        ]}
      />
      <Modal
        open={creating}
        title={`${t('enterprises.hr.create')} · ${enterprise.name}`}
        okText={t('enterprises.hr.submit')}
        cancelText={t('common.cancel')}
        confirmLoading={create.isPending}
        onOk={() => void submit().catch(() => undefined)}
        onCancel={() => setCreating(false)}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'hr-account-submit' } as React.ComponentProps<typeof Button>}
      >
        <Form form={form} layout="vertical" requiredMark="optional" initialValues={{ displayName: enterprise.contactName }} preserve={false}>
          <Form.Item
            name="username"
            label={t('enterprises.hr.username')}
            extra={t('enterprises.hr.usernamePlaceholder')}
            rules={[
              { required: true, whitespace: true, message: t('common.required', { field: t('enterprises.hr.username') }) },
              { validator: (_, v: string) => (!v?.trim() || Username.safeParse(v).success ? Promise.resolve() : Promise.reject(new Error(t('enterprises.hr.usernameInvalid')))) },
            ]}
          >
            <Input maxLength={32} autoComplete="off" className="uh-mono" data-testid="hr-account-username" />
          </Form.Item>
          <Form.Item name="displayName" label={t('enterprises.hr.displayName')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('enterprises.hr.displayName') }) }]}>
            <Input maxLength={50} data-testid="hr-account-name" />
          </Form.Item>
        </Form>
      </Modal>
      <OneTimePasswordModal value={issued} onClose={() => setIssued(null)} />
    </Card>
  );
}
