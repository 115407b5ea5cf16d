import { NodeIndexOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Radio, Space, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FollowUpStatus } from '../../../../contracts/campaigns.js';
import type { TFunction } from 'i18next';
import { isApiError } from '../../../shared/api.js';
import { errorMessage } from '../../../shared/errors.js';
import { formatDateTime } from '../../../shared/format.js';
import zhFollowUp from '../../../shared/locales/campaigns/followUp.zh-CN.js';
import { useCan } from '../../../shared/session.js';
import { useReportError } from '../../../shared/useReportError.js';
import { useApplication } from '../applications/applications.api.js';
import { codeLabel, codeOptions } from '../campaign-labels.js';
import { useFollowUps, useRecordFollowUp, type FollowUp, type FollowUpStatusKey } from './follow-up.api.js';
import { chinaToday } from '../../../shared/china-today.js';

const AIDED = new Set(['paid', 'followed_up']);
const FIELDS = ['year', 'status', 'employer', 'contactedOn', 'note'] as const;
const STATUS_COLOR: Record<FollowUpStatusKey, string> = { studying: 'blue', internship: 'cyan', employed: 'green', left_school: 'default' };
const noFuture = (d: Dayjs) => d.isAfter(chinaToday(), 'day');

type FollowUpReason = keyof typeof zhFollowUp.errors;
const isFollowUpReason = (r: unknown): r is FollowUpReason => typeof r === 'string' && Object.hasOwn(zhFollowUp.errors, r);
function followUpErrorMessage(t: TFunction, err: unknown): string {
  if (isApiError(err) && isFollowUpReason(err.details.reason)) return t(`followUp.errors.${err.details.reason}`);
  return errorMessage(t, err);
}

interface FormValues {
  year: number;
  status: FollowUpStatusKey;
  employer?: string;
  contactedOn: Dayjs;
  note?: string;
}

function RecordModal({ applicationId, open, onClose }: { applicationId: string; open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const record = useRecordFollowUp(applicationId);
  const reportError = useReportError(followUpErrorMessage);
  const status = Form.useWatch('status', form);
  const submit = async (v: FormValues) => {
    try {
      const employer = v.status === 'employed' || v.status === 'internship' ? v.employer?.trim() || null : null;
      await record.mutateAsync({ year: v.year, status: v.status, employer, contactedOn: v.contactedOn.format('YYYY-MM-DD'), note: v.note?.trim() || null });
      void message.success(t('followUp.record.saved'));
      onClose();
    } catch (err) {
      reportError(err, { instance: form, fields: FIELDS });
    }
  };
  return (
    <Modal
      open={open}
      title={t('followUp.record.title')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={record.isPending}
      destroyOnHidden
      data-testid="follow-up-modal"
    >
      <Form form={form} layout="vertical" preserve={false} onFinish={submit} initialValues={{ year: chinaToday().year(), status: 'studying', contactedOn: chinaToday() }}>
        <Form.Item name="year" label={t('followUp.record.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={chinaToday().year()} precision={0} style={{ width: 160 }} data-testid="follow-up-year" />
        </Form.Item>
        <Form.Item name="status" label={t('followUp.record.status')} rules={[{ required: true }]}>
          <Radio.Group options={codeOptions(FollowUpStatus, i18n.language)} optionType="button" data-testid="follow-up-status" />
        </Form.Item>
        {(status === 'employed' || status === 'internship') && (
          <Form.Item
            name="employer"
            label={status === 'employed' ? t('followUp.record.employer') : t('followUp.record.internshipEmployer')}
            rules={status === 'employed' ? [{ required: true, whitespace: true, message: t('followUp.record.employerRequired') }] : []}
          >
            <Input maxLength={100} data-testid="follow-up-employer" />
          </Form.Item>
        )}
        <Form.Item name="contactedOn" label={t('followUp.record.contactedOn')} rules={[{ required: true, message: t('common.selectRequired', { field: t('followUp.record.contactedOn') }) }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={noFuture} />
        </Form.Item>
        <Form.Item name="note" label={t('followUp.record.note')}>
          <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t('followUp.record.notePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 回访: an aided student's yearly follow-ups, the form to record this year's, and the way to the whole chain of aid. */
export default function FollowUpPanel({ applicationId }: { applicationId: string }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const { data } = useFollowUps(applicationId);
  const { data: application } = useApplication(applicationId);
  const [open, setOpen] = useState(false);
  const aided = !!application && AIDED.has(application.status);
  const columns: TableProps<FollowUp>['columns'] = [
    { title: t('followUp.columns.year'), dataIndex: 'year', width: 80 },
    { title: t('followUp.columns.status'), dataIndex: 'status', width: 100, render: (v: FollowUpStatusKey) => <Tag color={STATUS_COLOR[v]}>{codeLabel(FollowUpStatus, v, i18n.language)}</Tag> },
    { title: t('followUp.columns.employer'), dataIndex: 'employer', width: 180, render: (v: string | null) => v ?? '-' },
    { title: t('followUp.columns.contactedOn'), dataIndex: 'contactedOn', width: 120 },
    { title: t('followUp.columns.note'), dataIndex: 'note', render: (v: string | null) => <span style={{ whiteSpace: 'pre-wrap' }}>{v ?? ''}</span> },
    { title: t('followUp.columns.recordedBy'), key: 'recordedBy', width: 170, render: (_, f) => <Typography.Text type="secondary">{`${f.recordedByName ?? '-'} · ${formatDateTime(f.recordedAt)}`}</Typography.Text> },
  ];
  const recordButton = (
    <Button icon={<PlusOutlined />} disabled={!aided} onClick={() => setOpen(true)} data-testid="follow-up-record">
      {t('followUp.record.button')}
    </Button>
  );
  return (
    <div data-testid="follow-up-panel">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Space orientation="vertical" size={0}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('followUp.title')}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('followUp.hint')}
          </Typography.Text>
        </Space>
        <Space wrap>
          {can('application.follow_up') &&
            (aided ? (
              recordButton
            ) : (
              <Tooltip title={t('followUp.record.notAided')}>
                <span>{recordButton}</span>
              </Tooltip>
            ))}
          <Link to={`/applications/${applicationId}/journey`} data-testid="follow-up-journey-link">
            <Button icon={<NodeIndexOutlined />}>{t('followUp.journeyLink')}</Button>
          </Link>
        </Space>
      </Space>
      <Table rowKey="id" size="small" pagination={false} dataSource={data?.items ?? []} columns={columns} scroll={{ x: 900 }} locale={{ emptyText: t('followUp.empty') }} data-testid="follow-up-list" />
      <RecordModal applicationId={applicationId} open={open} onClose={() => setOpen(false)} />
    </div>
  );
}
