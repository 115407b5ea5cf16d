import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api.js';
import { useMe } from '../../../shared/session.js';
import { useReportError } from '../../../shared/useReportError.js';
import { OrgTreeSelect } from '../../orgs/OrgTreeSelect.js';
import { fenOf, useYuanRule, YuanInput } from '../YuanInput.js';
import { donationErrorMessage, renameFields } from './donation-errors.js';
import { useCreateDrive, useOrgFunds } from './donations.api.js';
import { chinaToday } from '../../../shared/china-today.js';

interface DriveValues {
  orgId: string;
  fundId: string;
  name: string;
  description?: string;
  goalFen: string;
  dates: [Dayjs, Dayjs];
}

const FIELDS = ['orgId', 'fundId', 'name', 'description', 'goalFen', 'dates'] as const;

/** 新建募捐活动: an org of the user's subtree, one of its funds, a goal and dates. */
export function CreateDriveModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const [form] = Form.useForm<DriveValues>();
  const orgId = Form.useWatch('orgId', form);
  const funds = useOrgFunds(orgId);
  const ownFunds = (funds.data?.items ?? []).filter((f) => f.orgId === orgId);
  const create = useCreateDrive();
  const reportError = useReportError(donationErrorMessage);
  const yuanRule = useYuanRule();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (me) form.setFieldsValue({ orgId: me.orgId, dates: [chinaToday(), chinaToday().add(30, 'day')] });
  }, [open, form, me]);

  useEffect(() => {
    // A fund of another org cannot feed the drive: pick again when the org changes.
    const current = form.getFieldValue('fundId');
    if (current && !ownFunds.some((f) => f.id === current)) form.setFieldsValue({ fundId: undefined });
    if (!current && ownFunds.length === 1) form.setFieldsValue({ fundId: ownFunds[0].id });
  }, [ownFunds, form]);

  const submit = async (v: DriveValues) => {
    try {
      const description = v.description?.trim();
      const drive = await create.mutateAsync({
        orgId: v.orgId,
        fundId: v.fundId,
        name: v.name.trim(),
        description: description || null,
        goalFen: fenOf(v.goalFen),
        startsOn: v.dates[0].format('YYYY-MM-DD'),
        endsOn: v.dates[1].format('YYYY-MM-DD'),
      });
      void message.success(t('donations.create.created'));
      onCreated(drive.id);
    } catch (err) {
      // The shared form helper would word a taken name as a generic conflict with the server's English beside it.
      if (isApiError(err) && err.details.reason === 'name_taken') {
        form.setFields([{ name: 'name', errors: [donationErrorMessage(t, err)] }]);
        return;
      }
      reportError(renameFields(err, { startsOn: 'dates', endsOn: 'dates' }), { instance: form, fields: FIELDS });
    }
  };

  return (
    <Modal
      open={open}
      title={t('donations.create.title')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
      width={600}
      data-testid="drive-create-modal"
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="orgId" label={t('donations.fields.org')} rules={[{ required: true, message: t('common.selectRequired', { field: t('donations.fields.org') }) }]}>
          <OrgTreeSelect activeOnly placeholder={t('donations.create.orgPlaceholder')} data-testid="drive-org" />
        </Form.Item>
        <Form.Item name="fundId" label={t('donations.fields.fund')} rules={[{ required: true, message: t('common.selectRequired', { field: t('donations.fields.fund') }) }]}>
          <Select
            loading={funds.isLoading}
            placeholder={t('donations.create.fundPlaceholder')}
            options={ownFunds.map((f) => ({ value: f.id, label: f.name }))}
            data-testid="drive-fund"
          />
        </Form.Item>
        {orgId && funds.isSuccess && ownFunds.length === 0 && <Alert type="warning" showIcon title={t('donations.create.noFunds')} style={{ marginBottom: 16 }} />}
        <Form.Item
          name="name"
          label={t('donations.fields.name')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('donations.fields.name') }) },
            { min: 2, max: 100, message: t('donations.create.nameLength') },
          ]}
        >
          <Input maxLength={100} placeholder={t('donations.create.namePlaceholder')} data-testid="drive-name" />
        </Form.Item>
        <Form.Item name="goalFen" label={t('donations.fields.goal')} rules={[yuanRule]}>
          <YuanInput style={{ width: 240 }} data-testid="drive-goal" />
        </Form.Item>
        <Form.Item name="dates" label={t('donations.fields.dates')} rules={[{ required: true, message: t('donations.create.datesRequired') }]}>
          <DatePicker.RangePicker data-testid="drive-dates" />
        </Form.Item>
        <Form.Item name="description" label={t('donations.fields.description')}>
          <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t('donations.create.descriptionPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
