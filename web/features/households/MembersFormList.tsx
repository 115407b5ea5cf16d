import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Form, Input, InputNumber, Row, Select, Typography, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { normalizeIdInput } from '../../../contracts/cn-ids.js';
import { HealthStatus, MedicalInsurance, MemberStatus, Relation, SchoolStage, Sex } from '../../../contracts/households.js';
import { codeLabel, codeOptions } from './household-labels.js';
import type { HouseholdFormValues, MemberFormValues } from './household-form.js';
import { describeIdNumber, useIdNumberRule } from './id-number.js';
import { useYuanRule, YuanInput } from './YuanInput.js';

export const MAX_MEMBERS = 20;

function IdExtra({ name, savedMask }: { name: number; savedMask?: string }) {
  const { t, i18n } = useTranslation();
  const value = Form.useWatch(['members', name, 'idNumber']) as string | undefined;
  const info = describeIdNumber(value);
  if (info)
    return (
      <span data-testid="member-id-derived">
        {t('households.form.derived', { birthDate: info.birthDate, sex: codeLabel(Sex, info.sex, i18n.language), age: info.age })}
      </span>
    );
  if (savedMask) return <span>{t('households.form.memberIdWas', { masked: savedMask })}</span>;
  return null;
}

/** 家庭成员: up to 20 people besides the worker; new ones with a full ID number, ones on file keep theirs unless retyped. */
export function MembersFormList({ form, savedMasks }: { form: FormInstance<HouseholdFormValues>; savedMasks?: Map<string, string> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const idRule = useIdNumberRule();
  // A member on file keeps the number on file when the field is left empty; a typed one must be valid.
  const savedIdRule = useIdNumberRule({ required: false });
  const yuanRule = useYuanRule();

  /** The same person twice in one household is refused by the server too; say it here first. */
  const distinctRule = (index: number) => ({
    validator: async (_: unknown, value: string | undefined) => {
      if (!value) return;
      const id = normalizeIdInput(value);
      const worker = form.getFieldValue('idNumber') as string | undefined;
      if (worker && normalizeIdInput(worker) === id) throw new Error(t('households.form.idSameAsWorker'));
      const members = (form.getFieldValue('members') ?? []) as MemberFormValues[];
      const other = members.findIndex((m, i) => i !== index && m?.idNumber && normalizeIdInput(m.idNumber) === id);
      if (other >= 0) throw new Error(t('households.form.idSameAsMember', { n: other + 1 }));
    },
  });

  return (
    <Form.List name="members">
      {(fields, { add, remove }) => (
        <>
          {fields.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('households.member.empty')} style={{ margin: '8px 0 16px' }} />}
          {fields.map(({ key, name }) => {
            const savedId = form.getFieldValue(['members', name, 'savedId']) as string | undefined;
            return (
              <Card
                key={key}
                size="small"
                type="inner"
                title={t('households.member.index', { n: name + 1 })}
                extra={
                  <Button type="text" danger size="small" icon={<DeleteOutlined />} onClick={() => remove(name)} data-testid="member-remove">
                    {t('households.member.remove')}
                  </Button>
                }
                style={{ marginBottom: 12 }}
                data-testid="member-card"
              >
                <Row gutter={16}>
                  <Col xs={24} sm={12} lg={6}>
                    <Form.Item name={[name, 'relation']} label={t('households.member.relation')} rules={[{ required: true, message: t('common.selectRequired', { field: t('households.member.relation') }) }]}>
                      <Select options={codeOptions(Relation, lang)} placeholder={t('households.form.select')} data-testid="member-relation" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12} lg={6}>
                    <Form.Item
                      name={[name, 'name']}
                      label={t('households.member.name')}
                      rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('households.member.name') }) }]}
                    >
                      <Input autoComplete="off" maxLength={50} data-testid="member-name" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12} lg={6}>
                    <Form.Item
                      name={[name, 'idNumber']}
                      label={t('households.member.idNumber')}
                      rules={[savedId ? savedIdRule : idRule, distinctRule(name)]}
                      required={!savedId}
                      extra={<IdExtra name={name} savedMask={savedId ? savedMasks?.get(savedId) : undefined} />}
                      validateFirst
                    >
                      <Input autoComplete="off" maxLength={18} className="uh-mono" placeholder={t('households.form.idPlaceholder')} data-testid="member-id" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12} lg={6}>
                    <Form.Item name={[name, 'health']} label={t('households.fields.health')} initialValue="healthy">
                      <Select options={codeOptions(HealthStatus, lang)} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12} lg={6}>
                    <Form.Item name={[name, 'medicalInsurance']} label={t('households.fields.medicalInsurance')}>
                      <Select allowClear options={codeOptions(MedicalInsurance, lang)} placeholder={t('households.form.select')} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12} lg={6}>
                    <Form.Item name={[name, 'monthlyIncomeYuan']} label={t('households.member.monthlyIncome')} rules={[yuanRule]}>
                      <YuanInput data-testid="member-income" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12} lg={6}>
                    <Form.Item name={[name, 'status']} label={t('households.member.status')}>
                      <Select allowClear options={codeOptions(MemberStatus, lang)} placeholder={t('households.form.select')} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12} lg={6}>
                    <Form.Item name={[name, 'schoolOrEmployer']} label={t('households.member.schoolOrEmployer')}>
                      <Input autoComplete="off" maxLength={100} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12} lg={6}>
                    <Form.Item name={[name, 'schoolStage']} label={t('households.member.schoolStage')}>
                      <Select allowClear options={codeOptions(SchoolStage, lang)} placeholder={t('households.form.select')} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12} lg={6}>
                    <Form.Item name={[name, 'enrolmentYear']} label={t('households.member.enrolmentYear')}>
                      <InputNumber min={1950} max={2100} precision={0} style={{ width: '100%' }} placeholder={t('households.form.yearPlaceholder')} />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            );
          })}
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            disabled={fields.length >= MAX_MEMBERS}
            onClick={() => add({ health: 'healthy' })}
            data-testid="member-add"
          >
            {t('households.member.add')}
          </Button>
          {fields.length >= MAX_MEMBERS && (
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
              {t('households.member.max', { max: MAX_MEMBERS })}
            </Typography.Text>
          )}
        </>
      )}
    </Form.List>
  );
}
