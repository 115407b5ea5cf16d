import { Button, Result } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import i18n from '../shared/i18n.js';

export function Forbidden() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title={t('result.forbiddenTitle')}
      subTitle={t('result.forbiddenSub')}
      extra={<Button type="primary" onClick={() => void navigate('/')}>{t('result.backHome')}</Button>}
    />
  );
}

export function NotFound() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('result.notFoundTitle')}
      subTitle={t('result.notFoundSub')}
      extra={<Button type="primary" onClick={() => void navigate('/')}>{t('result.backHome')}</Button>}
    />
  );
}

/** Catches render errors (including a failed lazy chunk after a redeploy) and offers a reload. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Result
        status="error"
        title={i18n.t('result.errorTitle')}
        subTitle={i18n.t('result.errorSub')}
        extra={<Button type="primary" onClick={() => window.location.reload()}>{i18n.t('result.reload')}</Button>}
      />
    );
  }
}
