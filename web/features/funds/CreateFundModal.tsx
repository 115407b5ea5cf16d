import { App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../shared/session.js';
import { useReportError } from '../../shared/useReportError.js';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect.js';
import { fundErrorMessage } from './fund-errors.js';
import { useCreateFund } from './funds.api.js';

interface CreateFundValues {
  orgId: string;
  name: string;
  purpose?: string;
}

const FIELDS = ['orgId', 'name', 'purpose'] as const;

/** 新建资金 at an org of the user's subtree (their own by default); opens the new fund's page. */
export function CreateFundModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const [form] = Form.useForm<CreateFundValues>();
  const create = useCreateFund();
  const reportError = useReportError(fundErrorMessage);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (me) form.setFieldsValue({ orgId: me.orgId });
  }, [open, form, me]);

  const submit = async (v: CreateFundValues) => {
    try {
      const purpose = v.purpose?.trim();
      const { id } = await create.mutateAsync({ orgId: v.orgId, name: v.name.trim(), purpose: purpose || null });
      void message.success(t('funds.create.created'));
      onCreated(id);
    } catch (err) {
      reportError(err, { instance: form, fields: FIELDS });
    }
  };

  return (
    <Modal
      open={open}
      title={t('funds.create.title')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
      data-testid="fund-create-modal"
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="orgId" label={t('funds.fields.org')} rules={[{ required: true, message: t('common.selectRequired', { field: t('funds.fields.org') }) }]}>
          <OrgTreeSelect activeOnly placeholder={t('funds.create.orgPlaceholder')} data-testid="fund-org" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('funds.fields.name')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('funds.fields.name') }) },
            { min: 2, max: 100, message: t('funds.create.nameLength') },
          ]}
        >
          <Input maxLength={100} placeholder={t('funds.create.namePlaceholder')} data-testid="fund-name" />
        </Form.Item>
        <Form.Item name="purpose" label={t('funds.fields.purpose')}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('funds.create.purposePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
