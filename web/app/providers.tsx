import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../shared/api.js';
import i18n from '../shared/i18n.js';
import { theme } from './theme.js';

// Date pickers take month and weekday names from dayjs: keep its locale in step with the interface.
function syncDayjsLocale(lng: string) {
  dayjs.locale(lng === 'en' ? 'en' : 'zh-cn');
}
syncDayjsLocale(i18n.language);
i18n.on('languageChanged', syncDayjsLocale);

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Retrying a refusal is pointless; retry only network trouble and server errors, once.
        retry: (failures, err) => failures < 1 && (!isApiError(err) || err.status === 0 || err.status >= 500),
      },
      mutations: { retry: false },
    },
  });
}

export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';

  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={english ? enUS : zhCN} theme={theme}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
