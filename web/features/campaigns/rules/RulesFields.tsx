import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space, Switch, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ELIGIBLE_HOUSEHOLD_STATUSES } from '../../../../contracts/campaigns.js';
import { HardshipCategory, SchoolStage } from '../../../../contracts/households.js';
import { codeLabel, codeOptions } from '../campaign-labels.js';

const yuan = { min: 0, max: 10_000_000, precision: 0, style: { width: '100%' } } as const;

/**
 * The rules editor's fields (inside a Form holding RulesFormValues under `rules`): who is eligible, the
 * income line per region, the stages and their amounts (filed / unfiled), in-kind items and exclusions.
 */
export function RulesFields({ kind, disabled }: { kind: 'per_student' | 'per_household'; disabled?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const stages: string[] = Form.useWatch(['rules', 'stages']) ?? [];
  const f = (k: string) => t(`campaigns.rules.${k}` as 'campaigns.rules.title');
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={f('eligibility')}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name={['rules', 'householdStatuses']} label={f('householdStatuses')} rules={[{ required: true, message: t('common.selectRequired', { field: f('householdStatuses') }) }]}>
              <Select mode="multiple" disabled={disabled} options={ELIGIBLE_HOUSEHOLD_STATUSES.map((s) => ({ value: s, label: f(`status_${s}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['rules', 'categories']} label={f('categories')} rules={[{ required: true, message: t('common.selectRequired', { field: f('categories') }) }]}>
              <Select mode="multiple" disabled={disabled} options={codeOptions(HardshipCategory, lang)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['rules', 'allowUnfiled']} label={f('allowUnfiled')} valuePropName="checked">
              <Switch disabled={disabled} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card size="small" title={f('incomeThreshold')}>
        <Form.Item name={['rules', 'defaultThresholdYuan']} label={f('defaultThreshold')} extra={f('defaultThresholdHint')}>
          <InputNumber {...yuan} disabled={disabled} addonAfter={f('yuanPerMonth')} />
        </Form.Item>
        <Form.List name={['rules', 'regions']}>
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item name={[field.name, 'regionCode']} label={f('regionCode')} rules={[{ required: true, pattern: /^\d{6}$/, message: f('regionCodeInvalid') }]}>
                    <Input maxLength={6} style={{ width: 110 }} disabled={disabled} placeholder="410803" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'dibaoYuan']} label={f('dibao')} rules={[{ required: true, message: t('common.required', { field: f('dibao') }) }]}>
                    <InputNumber {...yuan} min={1} style={{ width: 140 }} disabled={disabled} addonAfter="元" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'multiplePercent']} label={f('multiple')} rules={[{ required: true, message: t('common.required', { field: f('multiple') }) }]}>
                    <InputNumber min={50} max={1000} precision={0} style={{ width: 120 }} disabled={disabled} addonAfter="%" />
                  </Form.Item>
                  {!disabled && <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('common.delete' as 'common.ok')} />}
                </Space>
              ))}
              {!disabled && (
                <Button icon={<PlusOutlined />} onClick={() => add({ regionCode: '', dibaoYuan: null, multiplePercent: 150 })}>
                  {f('addRegion')}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Card>
      {kind === 'per_student' ? (
        <Card size="small" title={f('amounts')}>
          <Form.Item name={['rules', 'stages']} label={f('stages')} rules={[{ required: true, message: t('common.selectRequired', { field: f('stages') }) }]}>
            <Select mode="multiple" disabled={disabled} options={codeOptions(SchoolStage, lang)} data-testid="rules-stages" />
          </Form.Item>
          <Table
            size="small"
            pagination={false}
            rowKey={(s) => s}
            dataSource={SchoolStage.keys.filter((s) => stages.includes(s))}
            columns={[
              { title: f('stage'), render: (s: string) => codeLabel(SchoolStage, s, lang) },
              {
                title: f('filedAmount'),
                render: (s: string) => (
                  <Form.Item name={['rules', 'amounts', s, 'filedYuan']} noStyle rules={[{ required: true }]}>
                    <InputNumber {...yuan} disabled={disabled} addonAfter="元" data-testid={`amount-filed-${s}`} />
                  </Form.Item>
                ),
              },
              {
                title: f('unfiledAmount'),
                render: (s: string) => (
                  <Form.Item name={['rules', 'amounts', s, 'unfiledYuan']} noStyle rules={[{ required: true }]}>
                    <InputNumber {...yuan} disabled={disabled} addonAfter="元" data-testid={`amount-unfiled-${s}`} />
                  </Form.Item>
                ),
              },
            ]}
          />
        </Card>
      ) : (
        <Card size="small" title={f('householdAmount')}>
          <Form.Item name={['rules', 'householdAmountYuan']} label={f('householdAmount')} rules={[{ required: true, message: t('common.required', { field: f('householdAmount') }) }]}>
            <InputNumber {...yuan} min={1} disabled={disabled} addonAfter="元" style={{ width: 200 }} />
          </Form.Item>
        </Card>
      )}
      <Card size="small" title={f('inKind')}>
        <Form.List name={['rules', 'inKindItems']}>
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item name={[field.name, 'item']} label={f('item')} rules={[{ required: true, message: t('common.required', { field: f('item') }) }]}>
                    <Input maxLength={50} style={{ width: 140 }} disabled={disabled} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'quantity']} label={f('quantity')} rules={[{ required: true }]}>
                    <InputNumber min={1} max={100} precision={0} disabled={disabled} />
                  </Form.Item>
                  {kind === 'per_student' && (
                    <Form.Item name={[field.name, 'stages']} label={f('itemStages')}>
                      <Select mode="multiple" style={{ minWidth: 200 }} disabled={disabled} placeholder={f('allStages')} options={codeOptions(SchoolStage, lang)} />
                    </Form.Item>
                  )}
                  {!disabled && <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} />}
                </Space>
              ))}
              {!disabled && (
                <Button icon={<PlusOutlined />} onClick={() => add({ item: '', quantity: 1, stages: [] })}>
                  {f('addItem')}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Card>
      <Card size="small" title={f('exclusions')}>
        <Typography.Paragraph type="secondary">{f('exclusionsHint')}</Typography.Paragraph>
        <Space wrap>
          {(['governmentAided', 'militaryAcademy', 'freeNormal'] as const).map((k) => (
            <Form.Item key={k} name={['rules', 'exclusions', k]} valuePropName="checked" noStyle>
              <Checkbox disabled={disabled}>{f(`exclude_${k}`)}</Checkbox>
            </Form.Item>
          ))}
        </Space>
      </Card>
    </Space>
  );
}
