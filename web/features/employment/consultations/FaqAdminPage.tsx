import { ArrowLeftOutlined, ExportOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CONSULTATION_ANSWER_MAX, type FaqDto } from '../../../../contracts/consultations.js';
import { ConsultationCategory } from '../../../../contracts/employment.js';
import { codeLabel, codeOptions } from '../../../shared/code-labels.js';
import { formatDateTime } from '../../../shared/format.js';
import { PageHeader } from '../../../shared/PageHeader.js';
import { useMe } from '../../../shared/session.js';
import { useReportError } from '../../../shared/useReportError.js';
import { OrgTreeSelect } from '../../orgs/OrgTreeSelect.js';
import { consultationErrorMessage } from './consultation-view.js';
import { useCreateFaq, useFaqList, useUpdateFaq } from './consultations.api.js';

const PAGE_SIZE = 20;
interface Values {
  orgId: string;
  category: string;
  question: string;
  answer: string;
  published: boolean;
}

/** 常见问题管理: the entries of the user's subtree, written here or published from answered tickets; public or hidden. */
export default function FaqAdminPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message } = App.useApp();
  const { data: me } = useMe();
  const [q, setQ] = useState<string | undefined>();
  const [category, setCategory] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const { data, isFetching } = useFaqList({ q, category, page, pageSize: PAGE_SIZE });
  const create = useCreateFaq();
  const update = useUpdateFaq();
  const reportError = useReportError(consultationErrorMessage);
  const [editing, setEditing] = useState<FaqDto | 'new' | null>(null);
  const [form] = Form.useForm<Values>();

  const openEditor = (entry: FaqDto | 'new') => {
    form.resetFields();
    form.setFieldsValue(entry === 'new' ? { orgId: me?.orgId, published: true } : entry);
    setEditing(entry);
  };
  const save = async () => {
    const v = await form.validateFields();
    try {
      const body = { category: v.category, question: v.question.trim(), answer: v.answer.trim(), published: v.published };
      if (editing === 'new') await create.mutateAsync({ orgId: v.orgId, ...body });
      else if (editing) await update.mutateAsync({ id: editing.id, ...body });
      void message.success(t('consultations.faq.saved'));
      setEditing(null);
    } catch (err) {
      reportError(err, { instance: form, fields: ['orgId', 'category', 'question', 'answer'] });
    }
  };
  const togglePublished = async (entry: FaqDto, published: boolean) => {
    try {
      await update.mutateAsync({ id: entry.id, published });
    } catch (err) {
      reportError(err);
    }
  };

  return (
    <>
      <div style={{ marginBottom: 8 }}>
        <Link to="/consultations">
          <ArrowLeftOutlined /> {t('consultations.faq.back')}
        </Link>
      </div>
      <PageHeader
        title={t('consultations.faq.title')}
        description={t('consultations.faq.description')}
        extra={
          <Space wrap>
            <Button icon={<ExportOutlined />} href="/faq" target="_blank">
              {t('consultations.faq.publicPage')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => openEditor('new')} data-testid="faq-new">
              {t('consultations.faq.new')}
            </Button>
          </Space>
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search allowClear placeholder={t('consultations.faq.searchPlaceholder')} style={{ width: 280 }} maxLength={50} onSearch={(v) => { setQ(v.trim() || undefined); setPage(1); }} />
          <Select allowClear placeholder={t('consultations.filters.category')} options={codeOptions(ConsultationCategory, lang)} style={{ width: 150 }} value={category} onChange={(v) => { setCategory(v); setPage(1); }} />
        </Space>
        <Table<FaqDto>
          rowKey="id"
          loading={isFetching}
          dataSource={data?.items ?? []}
          scroll={{ x: 1000 }}
          locale={{ emptyText: t('consultations.faq.empty') }}
          data-testid="faq-table"
          pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
          columns={[
            {
              title: t('consultations.fields.question'),
              dataIndex: 'question',
              render: (v: string, e) => (
                <>
                  <a onClick={() => openEditor(e)}>{v}</a>
                  <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '4px 0 0', fontSize: 13 }}>
                    {e.answer}
                  </Typography.Paragraph>
                </>
              ),
            },
            { title: t('consultations.fields.category'), dataIndex: 'category', width: 110, render: (v: string) => codeLabel(ConsultationCategory, v, lang) },
            { title: t('consultations.faq.org'), dataIndex: 'orgName', width: 150, ellipsis: true, render: (v: string, e) => (e.consultationId ? <Space size={4}>{v}<Tag bordered={false}>{t('consultations.faq.fromConsultation')}</Tag></Space> : v) },
            { title: t('common.updatedAt'), dataIndex: 'updatedAt', width: 150, render: (v: string) => formatDateTime(v) },
            {
              title: t('consultations.faq.published'),
              dataIndex: 'published',
              width: 100,
              render: (v: boolean, e) => <Switch checked={v} size="small" onChange={(on) => void togglePublished(e, on)} aria-label={t(v ? 'consultations.faq.unpublish' : 'consultations.faq.publish')} />,
            },
          ]}
        />
      </Card>
      <Modal
        open={!!editing}
        title={t(editing === 'new' ? 'consultations.faq.newTitle' : 'consultations.faq.editTitle')}
        okText={t('common.save')}
        onOk={() => void save().catch(() => undefined)}
        onCancel={() => setEditing(null)}
        confirmLoading={create.isPending || update.isPending}
        destroyOnHidden
        width={640}
      >
        <Form form={form} layout="vertical" preserve={false} data-testid="faq-form">
          {editing === 'new' && (
            <Form.Item name="orgId" label={t('consultations.faq.org')} rules={[{ required: true }]}>
              <OrgTreeSelect activeOnly />
            </Form.Item>
          )}
          <Form.Item name="category" label={t('consultations.fields.category')} rules={[{ required: true, message: t('common.selectRequired', { field: t('consultations.fields.category') }) }]}>
            <Select options={codeOptions(ConsultationCategory, lang)} />
          </Form.Item>
          <Form.Item name="question" label={t('consultations.fields.question')} rules={[{ required: true, whitespace: true, min: 5, max: 500 }]}>
            <Input.TextArea rows={2} maxLength={500} showCount placeholder={t('consultations.faq.questionPlaceholder')} data-testid="faq-question" />
          </Form.Item>
          <Form.Item name="answer" label={t('consultations.fields.answer')} rules={[{ required: true, whitespace: true, min: 2 }]}>
            <Input.TextArea rows={6} maxLength={CONSULTATION_ANSWER_MAX} showCount placeholder={t('consultations.faq.answerPlaceholder')} data-testid="faq-answer" />
          </Form.Item>
          <Form.Item name="published" label={t('consultations.faq.published')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
