import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ProgramKind } from '../../../contracts/campaigns.js';
import { PageHeader } from '../../shared/PageHeader.js';
import { useMe } from '../../shared/session.js';
import { useReportError } from '../../shared/useReportError.js';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect.js';
import { codeLabel, codeOptions, yuanToFen } from './campaign-labels.js';
import { useCreateCampaign, useCreateProgram, usePrograms, type ProgramDto } from './campaigns.api.js';
import { defaultRules, formToRules, rulesToForm, type RulesFormValues } from './rules/rules-form.js';
import { RulesFields } from './rules/RulesFields.js';

interface CampaignFormValues {
  programId: string;
  orgId: string;
  name: string;
  year: number;
  window: [Dayjs, Dayjs];
  noticeDays: number;
  participants: Array<{ orgId: string; budgetYuan: number }>;
  rules: RulesFormValues;
}

/** 新建活动: program, organiser, window, participants with budgets, and the rules (validated by the server too). */
export default function CampaignFormPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const me = useMe().data;
  const { message } = App.useApp();
  const [form] = Form.useForm<CampaignFormValues>();
  const programs = usePrograms().data?.items ?? [];
  const programId = Form.useWatch('programId', form);
  const kind: ProgramDto['kind'] = programs.find((p) => p.id === programId)?.kind ?? 'per_student';
  const create = useCreateCampaign();
  const reportError = useReportError();
  const [newProgram, setNewProgram] = useState(false);
  const year = new Date().getFullYear();

  const onFinish = async (v: CampaignFormValues) => {
    try {
      const res = await create.mutateAsync({
        programId: v.programId,
        orgId: v.orgId,
        name: v.name,
        year: v.year,
        applyFrom: v.window[0].format('YYYY-MM-DD'),
        applyTo: v.window[1].format('YYYY-MM-DD'),
        noticeDays: v.noticeDays,
        rules: formToRules(v.rules),
        participants: v.participants.map((p) => ({ orgId: p.orgId, budgetFen: yuanToFen(p.budgetYuan) ?? 0 })),
      });
      message.success(t('campaigns.form.created'));
      navigate(`/campaigns/${res.id}`);
    } catch (err) {
      reportError(err);
    }
  };

  return (
    <>
      <PageHeader title={t('campaigns.newCampaign')} description={t('campaigns.form.description')} />
      <Form<CampaignFormValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ orgId: me?.orgId, year, noticeDays: 5, participants: [{ orgId: me?.orgId, budgetYuan: 0 }], rules: rulesToForm(defaultRules('per_student')) }}
        onValuesChange={(changed) => {
          if ('programId' in changed) {
            const k = programs.find((p) => p.id === changed.programId)?.kind ?? 'per_student';
            form.setFieldValue('rules', rulesToForm(defaultRules(k)));
          }
        }}
      >
        <Card title={t('campaigns.form.basics')} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item label={t('campaigns.fields.program')} required>
                <Space.Compact style={{ width: '100%' }}>
                  <Form.Item name="programId" noStyle rules={[{ required: true, message: t('common.selectRequired', { field: t('campaigns.fields.program') }) }]}>
                    <Select data-testid="program-select" options={programs.map((p) => ({ value: p.id, label: `${p.name}（${codeLabel(ProgramKind, p.kind, i18n.language)}）` }))} />
                  </Form.Item>
                  <Button icon={<PlusOutlined />} onClick={() => setNewProgram(true)}>
                    {t('campaigns.form.newProgram')}
                  </Button>
                </Space.Compact>
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="orgId" label={t('campaigns.fields.organiser')} rules={[{ required: true }]}>
                <OrgTreeSelect />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="name" label={t('campaigns.fields.name')} rules={[{ required: true, message: t('common.required', { field: t('campaigns.fields.name') }) }]}>
                <Input maxLength={100} placeholder={t('campaigns.form.namePlaceholder', { year })} />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name="year" label={t('campaigns.fields.year')} rules={[{ required: true }]}>
                <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="noticeDays" label={t('campaigns.fields.noticeDays')} rules={[{ required: true }]}>
                <InputNumber min={1} max={30} precision={0} addonAfter={t('campaigns.dayUnit')} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="window" label={t('campaigns.fields.window')} rules={[{ required: true, message: t('common.selectRequired', { field: t('campaigns.fields.window') }) }]}>
                <DatePicker.RangePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title={t('campaigns.fields.participants')} style={{ marginBottom: 16 }}>
          <Form.List name="participants">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline" wrap>
                    <Form.Item name={[field.name, 'orgId']} rules={[{ required: true, message: t('common.selectRequired', { field: t('campaigns.fields.participant') }) }]}>
                      <OrgTreeSelect style={{ width: 320 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'budgetYuan']} label={t('campaigns.fields.budget')} rules={[{ required: true }]}>
                      <InputNumber min={0} max={1_000_000_000} precision={0} addonAfter="元" style={{ width: 200 }} />
                    </Form.Item>
                    {fields.length > 1 && <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} />}
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ budgetYuan: 0 })}>
                  {t('campaigns.form.addParticipant')}
                </Button>
              </>
            )}
          </Form.List>
        </Card>
        <Card title={t('campaigns.rules.title')} style={{ marginBottom: 16 }}>
          <RulesFields kind={kind} />
        </Card>
        <Space>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="create-campaign">
            {t('campaigns.form.create')}
          </Button>
          <Button onClick={() => navigate('/campaigns')}>{t('common.cancel')}</Button>
        </Space>
      </Form>
      <NewProgramModal open={newProgram} onClose={(id) => { setNewProgram(false); if (id) form.setFieldValue('programId', id); }} />
    </>
  );
}

function NewProgramModal({ open, onClose }: { open: boolean; onClose: (createdId?: string) => void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<{ code: string; name: string; kind: ProgramDto['kind'] }>();
  const create = useCreateProgram();
  const reportError = useReportError();
  return (
    <Modal
      open={open}
      title={t('campaigns.form.newProgram')}
      onCancel={() => onClose()}
      confirmLoading={create.isPending}
      onOk={async () => {
        const v = await form.validateFields();
        try {
          onClose((await create.mutateAsync(v)).id);
          form.resetFields();
        } catch (err) {
          reportError(err, { instance: form, fields: ['code', 'name', 'kind'] });
        }
      }}
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'per_student' }}>
        <Form.Item name="code" label={t('campaigns.form.programCode')} rules={[{ required: true, pattern: /^[A-Za-z0-9-]{2,32}$/, message: t('campaigns.form.programCodeRule') }]}>
          <Input maxLength={32} placeholder="JQZX" />
        </Form.Item>
        <Form.Item name="name" label={t('campaigns.form.programName')} rules={[{ required: true, message: t('common.required', { field: t('campaigns.form.programName') }) }]}>
          <Input maxLength={50} placeholder="金秋助学" />
        </Form.Item>
        <Form.Item name="kind" label={t('campaigns.form.programKind')}>
          <Radio.Group options={codeOptions(ProgramKind, i18n.language)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
