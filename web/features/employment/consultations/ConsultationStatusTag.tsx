import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLOR = { open: 'red', answered: 'blue', closed: 'default' } as const;

export function ConsultationStatusTag({ status }: { status: keyof typeof COLOR }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOR[status]} data-testid="consultation-status">
      {t(`consultations.status.${status}`)}
    </Tag>
  );
}
