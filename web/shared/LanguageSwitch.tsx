import { GlobalOutlined } from '@ant-design/icons';
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage, type Language } from './i18n.js';

export function LanguageSwitch({ size = 'middle' }: { size?: 'small' | 'middle' }) {
  const { t, i18n } = useTranslation();
  const value = i18n.language === 'en' ? 'en' : currentLanguage();
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }} data-testid="lang-switch">
      <GlobalOutlined aria-label={t('lang.label')} style={{ color: '#8c8c8c' }} />
      <Segmented<Language>
        size={size}
        value={value}
        onChange={(lng) => void changeLanguage(lng)}
        options={[
          { value: 'zh-CN', label: t('lang.zh') },
          { value: 'en', label: t('lang.en') },
        ]}
      />
    </span>
  );
}
