import { AutoComplete, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../shared/session.js';
import { FilterButtons } from '../../shared/FilterButtons.js';
import type { AuditOutcome } from '../../shared/types.js';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect.js';
import { ACTION_PREFIXES, KNOWN_ACTIONS, actionLabel, objectTypeLabel } from './audit-labels.js';
import type { AuditFilter } from './audit.api.js';

interface AuditFormValues extends Omit<AuditFilter, 'from' | 'to'> {
  range?: [Dayjs | null, Dayjs | null] | null;
}

// The server's rule: entity.verb, or entity. for every verb of that entity.
const ACTION_PATTERN = /^[a-z_]+(\.[a-z_]*)?$/;
const OUTCOMES: AuditOutcome[] = ['success', 'denied', 'failure'];

function toFilter(v: AuditFormValues): AuditFilter {
  const trim = (s?: string) => s?.trim() || undefined;
  const [from, to] = v.range ?? [];
  return {
    actor: trim(v.actor),
    orgId: v.orgId,
    action: trim(v.action),
    objectType: trim(v.objectType),
    objectId: trim(v.objectId),
    outcome: v.outcome,
    // dayjs formats ISO 8601 with the browser's offset, which the server requires.
    from: from ? from.startOf('minute').format() : undefined,
    to: to ? to.endOf('minute').add(1, 'millisecond').format() : undefined,
  };
}

export function AuditSearchForm({ onSearch }: { onSearch: (filter: AuditFilter) => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const [form] = Form.useForm<AuditFormValues>();
  const actionOptions = [...ACTION_PREFIXES, ...KNOWN_ACTIONS].map((a) => ({ value: a, label: actionLabel(t, a) ? `${a}  ${actionLabel(t, a)}` : a }));

  return (
    <Form form={form} layout="vertical" onFinish={(v) => onSearch(toFilter(v))} data-testid="audit-search">
      <Row gutter={16}>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="actor" label={t('audit.actor')}>
            <Input allowClear placeholder={t('audit.actorPlaceholder')} data-testid="audit-actor" />
          </Form.Item>
        </Col>
        {can('org.read') && (
          <Col xs={24} sm={12} lg={6}>
            <Form.Item name="orgId" label={t('audit.org')}>
              <OrgTreeSelect allowClear placeholder={t('users.orgPlaceholder')} />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="action" label={t('audit.action')} tooltip={t('audit.actionHint')} rules={[{ pattern: ACTION_PATTERN, message: t('audit.actionInvalid') }]}>
            <AutoComplete
              allowClear
              options={actionOptions}
              placeholder={t('audit.actionPlaceholder')}
              showSearch={{ filterOption: (input, option) => String(option?.label ?? '').toLowerCase().includes(input.toLowerCase()) }}
              data-testid="audit-action"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="outcome" label={t('audit.outcome')}>
            <Select allowClear placeholder={t('common.all')} options={OUTCOMES.map((o) => ({ value: o, label: t(`audit.outcomes.${o}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={5}>
          <Form.Item name="objectType" label={t('audit.objectType')}>
            <AutoComplete allowClear options={['user', 'org'].map((o) => ({ value: o, label: `${o}  ${objectTypeLabel(t, o)}` }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={5}>
          <Form.Item name="objectId" label={t('audit.objectId')}>
            <Input allowClear />
          </Form.Item>
        </Col>
        <Col xs={24} lg={8}>
          <Form.Item name="range" label={t('audit.timeRange')}>
            <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowEmpty={[true, true]} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} lg={6}>
          <Form.Item label=" ">
            <FilterButtons
              submitTestId="audit-submit"
              onReset={() => {
                form.resetFields();
                onSearch({});
              }}
            />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
