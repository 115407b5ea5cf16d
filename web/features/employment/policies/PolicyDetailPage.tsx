import { ArrowLeftOutlined, EditOutlined, ExportOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Form, Input, Modal, Result, Space, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PolicyCategory } from '../../../../contracts/employment.js';
import { codeLabel } from '../../../shared/code-labels.js';
import { formatDateTime } from '../../../shared/format.js';
import { PageHeader } from '../../../shared/PageHeader.js';
import { PageSpinner } from '../../../shared/PageSpinner.js';
import { useReportError } from '../../../shared/useReportError.js';
import { usePolicy, usePublishPolicy, useWithdrawPolicy } from './policies.api.js';
import { PolicyAttachments } from './PolicyAttachments.js';
import { policyErrorMessage } from './policy-errors.js';
import { PolicyStatusTag } from './PolicyStatusTag.js';

/** A policy article for its editors: the text, its attachments, publish / withdraw / publish again, edit. */
export default function PolicyDetailPage() {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const { data: a, isLoading, error } = usePolicy(id);
  const publish = usePublishPolicy(id);
  const withdraw = useWithdrawPolicy(id);
  const reportError = useReportError(policyErrorMessage);
  const [withdrawing, setWithdrawing] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  if (isLoading) return <PageSpinner />;
  if (error || !a) return <Result status="warning" title={policyErrorMessage(t, error)} extra={<Link to="/policies-admin">{t('policies.detail.back')}</Link>} />;

  const doPublish = () =>
    modal.confirm({
      title: t('policies.detail.publishConfirm'),
      okButtonProps: { 'data-testid': 'policy-publish-confirm' } as ButtonProps,
      onOk: async () => {
        try {
          await publish.mutateAsync();
          void message.success(t('policies.detail.published'));
        } catch (err) {
          reportError(err);
        }
      },
    });
  const doWithdraw = async () => {
    const { reason } = await form.validateFields();
    try {
      await withdraw.mutateAsync(reason.trim());
      void message.success(t('policies.detail.withdrawn'));
      setWithdrawing(false);
    } catch (err) {
      reportError(err);
    }
  };

  return (
    <>
      <div style={{ marginBottom: 8 }}>
        <Link to="/policies-admin">
          <ArrowLeftOutlined /> {t('policies.detail.back')}
        </Link>
      </div>
      <PageHeader
        title={
          <Space wrap>
            <span data-testid="policy-detail-title">{a.title}</span>
            <PolicyStatusTag status={a.status} />
          </Space>
        }
        description={t('policies.detail.meta', { org: a.orgName, time: formatDateTime(a.updatedAt) })}
        extra={
          <Space wrap>
            {a.status === 'published' && (
              <Button icon={<ExportOutlined />} href={`/policies/${a.id}`} target="_blank" data-testid="policy-public-link">
                {t('policies.detail.publicPage')}
              </Button>
            )}
            <Button icon={<EditOutlined />} onClick={() => void navigate(`/policies-admin/${a.id}/edit`)} data-testid="policy-edit">
              {t('policies.detail.edit')}
            </Button>
            {a.status === 'published' ? (
              <Button icon={<RollbackOutlined />} onClick={() => setWithdrawing(true)} data-testid="policy-withdraw">
                {t('policies.detail.withdraw')}
              </Button>
            ) : (
              <Button type="primary" icon={<SendOutlined />} loading={publish.isPending} onClick={doPublish} data-testid="policy-publish">
                {t(a.status === 'withdrawn' ? 'policies.detail.republish' : 'policies.detail.publish')}
              </Button>
            )}
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small" style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('policies.fields.category')}>{codeLabel(PolicyCategory, a.category, i18n.language)}</Descriptions.Item>
          <Descriptions.Item label={t('policies.fields.source')}>{a.source}</Descriptions.Item>
          <Descriptions.Item label={t('policies.fields.docNo')}>{a.docNo ?? '-'}</Descriptions.Item>
          <Descriptions.Item label={t('policies.fields.effectiveOn')}>{a.effectiveOn}</Descriptions.Item>
          <Descriptions.Item label={t('policies.fields.publishedAt')}>{a.publishedAt ? formatDateTime(a.publishedAt) : '-'}</Descriptions.Item>
          <Descriptions.Item label={t('policies.fields.org')}>{a.orgName}</Descriptions.Item>
        </Descriptions>
        {a.summary && (
          <Typography.Paragraph style={{ background: '#fafafa', padding: '10px 12px', borderRadius: 6 }} data-testid="policy-detail-summary">
            {a.summary}
          </Typography.Paragraph>
        )}
        <div style={{ whiteSpace: 'pre-wrap', lineHeight: 1.8, fontSize: 15, maxWidth: 900 }} data-testid="policy-detail-body">
          {a.body}
        </div>
      </Card>
      <Card title={t('policies.attachments.title')}>
        <PolicyAttachments articleId={a.id} />
      </Card>
      <Modal
        open={withdrawing}
        title={t('policies.detail.withdrawTitle')}
        okText={t('policies.detail.withdraw')}
        okButtonProps={{ danger: true, 'data-testid': 'policy-withdraw-submit' } as ButtonProps}
        onOk={() => void doWithdraw().catch(() => undefined)}
        onCancel={() => setWithdrawing(false)}
        confirmLoading={withdraw.isPending}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('policies.detail.withdrawHint')}</Typography.Paragraph>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="reason" label={t('policies.detail.withdrawReason')} rules={[{ required: true, whitespace: true, min: 2, message: t('policies.detail.withdrawReasonRequired') }]}>
            <Input.TextArea rows={2} maxLength={500} showCount data-testid="policy-withdraw-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
