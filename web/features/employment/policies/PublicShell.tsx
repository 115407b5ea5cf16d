import { PhoneOutlined } from '@ant-design/icons';
import { Grid } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useSearchParams } from 'react-router';
import { changeLanguage, LANGUAGES, type Language } from '../../../shared/i18n.js';
import { LanguageSwitch } from '../../../shared/LanguageSwitch.js';

const NAV = [
  { to: '/policies', label: 'policies.public.nav.policies', testId: 'public-nav-policies' },
  { to: '/consult', label: 'policies.public.nav.consult', testId: 'public-nav-consult' },
  { to: '/faq', label: 'policies.public.nav.faq', testId: 'public-nav-faq' },
] as const;

/**
 * The frame of the workers' public pages (政策发布, 我要咨询, 常见问题): no sign-in, one column that
 * fits a phone, the three pages a tap apart and the 12351 hotline always in reach.
 */
export function PublicShell({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  const { t, i18n } = useTranslation();
  const narrow = !Grid.useBreakpoint().md;
  // The server-rendered job board (/jobs) keeps its language in ?lang=; arriving from it in English stays in English.
  const [sp] = useSearchParams();
  const asked = sp.get('lang');
  useEffect(() => {
    if ((LANGUAGES as readonly string[]).includes(asked ?? '') && asked !== i18n.language) void changeLanguage(asked as Language);
  }, [asked, i18n]);
  useEffect(() => {
    document.title = title;
  }, [title]);
  const pad = narrow ? 12 : 24;
  return (
    <div style={{ minHeight: '100vh', background: '#f5f6f8' }} data-testid={testId}>
      <header style={{ background: 'linear-gradient(135deg, #a8071a 0%, #cf1322 100%)', color: '#fff', padding: `${narrow ? 14 : 22}px ${pad}px 0` }}>
        <div style={{ maxWidth: 760, margin: '0 auto' }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
            <span style={{ opacity: 0.9, fontSize: 13 }}>{t('policies.public.issuer')}</span>
            <LanguageSwitch size="small" />
          </div>
          <h1 style={{ color: '#fff', fontSize: narrow ? 22 : 26, margin: '10px 0 12px', letterSpacing: 1 }}>{title}</h1>
          <nav style={{ display: 'flex', gap: 4 }}>
            {NAV.map((n) => (
              <NavLink
                key={n.to}
                to={n.to}
                data-testid={n.testId}
                style={({ isActive }) => ({
                  color: isActive ? '#a8071a' : '#fff',
                  background: isActive ? '#f5f6f8' : 'rgba(255,255,255,0.12)',
                  padding: '8px 14px',
                  borderRadius: '8px 8px 0 0',
                  fontSize: 15,
                  fontWeight: isActive ? 600 : 400,
                  flex: narrow ? 1 : undefined,
                  textAlign: 'center',
                })}
              >
                {t(n.label)}
              </NavLink>
            ))}
          </nav>
        </div>
      </header>
      <main style={{ maxWidth: 760, margin: '0 auto', padding: `${pad}px ${pad}px 32px` }}>
        {children}
        <footer style={{ textAlign: 'center', color: 'rgba(0,0,0,0.45)', fontSize: 13, marginTop: 24 }}>
          <a href="tel:12351" style={{ color: 'inherit' }}>
            <PhoneOutlined /> {t('policies.public.hotline')}
          </a>
        </footer>
      </main>
    </div>
  );
}
