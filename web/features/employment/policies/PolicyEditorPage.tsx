import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Result, Row, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PolicyCategory } from '../../../../contracts/employment.js';
import { POLICY_BODY_MAX, POLICY_TITLE_MAX } from '../../../../contracts/policies.js';
import { codeOptions } from '../../../shared/code-labels.js';
import { PageHeader } from '../../../shared/PageHeader.js';
import { PageSpinner } from '../../../shared/PageSpinner.js';
import { useMe } from '../../../shared/session.js';
import { useReportError } from '../../../shared/useReportError.js';
import { OrgTreeSelect } from '../../orgs/OrgTreeSelect.js';
import { useCreatePolicy, usePolicy, useUpdatePolicy } from './policies.api.js';
import { policyErrorMessage } from './policy-errors.js';

interface Values {
  orgId: string;
  title: string;
  category: string;
  source: string;
  docNo?: string;
  effectiveOn: Dayjs;
  summary?: string;
  body: string;
}

const FIELDS = ['orgId', 'title', 'category', 'source', 'docNo', 'effectiveOn', 'summary', 'body'] as const;

/** Writes a new draft (/policies-admin/new) or edits an article (/policies-admin/:id/edit) on the version read. */
export default function PolicyEditorPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { id } = useParams();
  const { data: me } = useMe();
  const { data: article, isLoading, error } = usePolicy(id);
  const create = useCreatePolicy();
  const update = useUpdatePolicy(id ?? '');
  const [form] = Form.useForm<Values>();
  const reportError = useReportError(policyErrorMessage);
  // Enter in a field and a click on 保存 right after both pass validation before either request starts: one article, not two.
  const saving = useRef(false);

  useEffect(() => {
    if (article) form.setFieldsValue({ ...article, docNo: article.docNo ?? undefined, summary: article.summary ?? undefined, effectiveOn: dayjs(article.effectiveOn) });
    else if (!id && me) form.setFieldsValue({ orgId: me.orgId });
  }, [article, id, me, form]);

  if (id && isLoading) return <PageSpinner />;
  if (id && (error || !article)) return <Result status="warning" title={policyErrorMessage(t, error)} extra={<Link to="/policies-admin">{t('policies.detail.back')}</Link>} />;

  const submit = async (v: Values) => {
    const fields = {
      title: v.title.trim(),
      category: v.category as never,
      source: v.source.trim(),
      docNo: v.docNo?.trim() || null,
      effectiveOn: v.effectiveOn.format('YYYY-MM-DD'),
      summary: v.summary?.trim() || null,
      body: v.body.trim(),
    };
    if (saving.current) return;
    saving.current = true;
    try {
      if (article) {
        await update.mutateAsync({ ...fields, version: article.version });
        void message.success(t('policies.editor.saved'));
        void navigate(`/policies-admin/${article.id}`);
      } else {
        const created = await create.mutateAsync({ orgId: v.orgId, ...fields });
        void message.success(t('policies.editor.created'));
        void navigate(`/policies-admin/${created.id}`);
      }
    } catch (err) {
      reportError(err, { instance: form, fields: FIELDS });
    } finally {
      saving.current = false;
    }
  };
  const required = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field }) });

  return (
    <>
      <div style={{ marginBottom: 8 }}>
        <Link to={article ? `/policies-admin/${article.id}` : '/policies-admin'}>
          <ArrowLeftOutlined /> {t('policies.editor.back')}
        </Link>
      </div>
      <PageHeader title={t(article ? 'policies.editor.editTitle' : 'policies.editor.newTitle')} />
      {article?.status === 'published' && <Alert type="info" showIcon title={t('policies.editor.publishedHint')} style={{ marginBottom: 16 }} />}
      <Card>
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} style={{ maxWidth: 960 }} data-testid="policy-form">
          <Row gutter={16}>
            <Col xs={24} md={16}>
              <Form.Item name="title" label={t('policies.fields.title')} rules={[required(t('policies.fields.title')), { min: 2, max: POLICY_TITLE_MAX, message: t('policies.editor.titleLength') }]}>
                <Input maxLength={POLICY_TITLE_MAX} placeholder={t('policies.editor.titlePlaceholder')} data-testid="policy-title" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="category" label={t('policies.fields.category')} rules={[{ required: true, message: t('common.selectRequired', { field: t('policies.fields.category') }) }]}>
                <Select options={codeOptions(PolicyCategory, i18n.language)} data-testid="policy-category" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="source" label={t('policies.fields.source')} rules={[required(t('policies.fields.source')), { min: 2, max: 100 }]}>
                <Input maxLength={100} placeholder={t('policies.editor.sourcePlaceholder')} data-testid="policy-source" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="docNo" label={t('policies.fields.docNo')}>
                <Input maxLength={100} placeholder={t('policies.editor.docNoPlaceholder')} data-testid="policy-docno" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="effectiveOn" label={t('policies.fields.effectiveOn')} rules={[{ required: true, message: t('common.selectRequired', { field: t('policies.fields.effectiveOn') }) }]}>
                <DatePicker style={{ width: '100%' }} data-testid="policy-effective" />
              </Form.Item>
            </Col>
            {!article && (
              <Col xs={24} md={12}>
                <Form.Item name="orgId" label={t('policies.fields.org')} rules={[{ required: true, message: t('common.selectRequired', { field: t('policies.fields.org') }) }]}>
                  <OrgTreeSelect activeOnly placeholder={t('policies.editor.orgPlaceholder')} data-testid="policy-org" />
                </Form.Item>
              </Col>
            )}
            <Col span={24}>
              <Form.Item name="summary" label={t('policies.fields.summary')}>
                <Input.TextArea rows={2} maxLength={1000} showCount placeholder={t('policies.editor.summaryPlaceholder')} data-testid="policy-summary" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="body" label={t('policies.fields.body')} rules={[required(t('policies.fields.body'))]}>
                <Input.TextArea autoSize={{ minRows: 12, maxRows: 40 }} maxLength={POLICY_BODY_MAX} showCount placeholder={t('policies.editor.bodyPlaceholder')} data-testid="policy-body" />
              </Form.Item>
            </Col>
          </Row>
          <Space>
            <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending} data-testid="policy-save">
              {t(article ? 'policies.editor.save' : 'policies.editor.saveDraft')}
            </Button>
            <Button onClick={() => void navigate(article ? `/policies-admin/${article.id}` : '/policies-admin')}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
