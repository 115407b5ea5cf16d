import { Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLE_KEYS, type RoleKey } from '../../../contracts/roles.js';
import { FilterButtons } from '../../shared/FilterButtons.js';
import { roleLabel } from '../../shared/labels.js';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect.js';

export interface UserFilterValues {
  q?: string;
  orgId?: string;
  role?: RoleKey;
  active?: 'true' | 'false';
}

export function UserFilters({ onSearch }: { onSearch: (values: UserFilterValues) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<UserFilterValues>();
  return (
    <Form form={form} layout="vertical" onFinish={(v) => onSearch({ ...v, q: v.q?.trim() || undefined })} data-testid="user-filters">
      <Row gutter={16} align="bottom">
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="q" label={t('users.keyword')}>
            <Input allowClear placeholder={t('users.keywordPlaceholder')} data-testid="user-filter-q" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="orgId" label={t('users.org')}>
            <OrgTreeSelect allowClear placeholder={t('users.orgPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={12} lg={4}>
          <Form.Item name="role" label={t('users.role')}>
            <Select allowClear placeholder={t('common.all')} options={ROLE_KEYS.map((r) => ({ value: r, label: roleLabel(t, r) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={12} lg={3}>
          <Form.Item name="active" label={t('users.status')}>
            <Select
              allowClear
              placeholder={t('common.all')}
              options={[
                { value: 'true', label: t('users.statusActive') },
                { value: 'false', label: t('users.statusDisabled') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} lg={5}>
          <Form.Item>
            <FilterButtons
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
