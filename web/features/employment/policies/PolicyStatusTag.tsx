import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PolicyStatusKey } from '../../../../contracts/policies.js';

const COLOR: Record<PolicyStatusKey, string> = { draft: 'default', published: 'green', withdrawn: 'orange' };

export function PolicyStatusTag({ status }: { status: PolicyStatusKey }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOR[status]} data-testid="policy-status">
      {t(`policies.status.${status}`)}
    </Tag>
  );
}
