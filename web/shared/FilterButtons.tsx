import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';

/** A filter form's 查询 (submits the form) and 重置 buttons. */
export function FilterButtons({ onReset, submitTestId }: { onReset: () => void; submitTestId?: string }) {
  const { t } = useTranslation();
  return (
    <Space>
      <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid={submitTestId}>
        {t('common.search')}
      </Button>
      <Button icon={<ReloadOutlined />} onClick={onReset}>
        {t('common.reset')}
      </Button>
    </Space>
  );
}
