import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EnterpriseDto } from './enterprises.api.js';

export function EnterpriseStatusTag({ status }: { status: EnterpriseDto['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={status === 'active' ? 'green' : 'default'} data-testid="enterprise-status" data-status={status}>
      {t(`enterprises.status.${status}`)}
    </Tag>
  );
}
