import { ToolOutlined } from '@ant-design/icons';
import { Card, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../shared/PageHeader.js';

/** Placeholder for 困难职工档案 until the households feature replaces it (menu entry in app/menu.tsx). */
export default function HouseholdsPlaceholder() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('households.title')} />
      <Card>
        <Result icon={<ToolOutlined style={{ color: '#1a5fd0' }} />} title={t('households.building')} subTitle={t('households.buildingSub')} />
      </Card>
    </>
  );
}
