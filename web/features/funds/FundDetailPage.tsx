import { BankOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Result, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../shared/PageHeader.js';
import { PageSpinner } from '../../shared/PageSpinner.js';
import { useCan } from '../../shared/session.js';
import { AllocateModal } from './AllocateModal.js';
import { AllocationsTab } from './AllocationsTab.js';
import { fundErrorMessage } from './fund-errors.js';
import { FundFigureCards } from './FundFigureCards.js';
import { useFund } from './funds.api.js';
import { IncomeModal } from './IncomeModal.js';
import { StatementTab } from './StatementTab.js';
import { FundPaymentsTab } from './payments/FundPaymentsTab.js';

const TABS = ['statement', 'allocations', 'payments'] as const;

/** One fund: its figures, 登记收入 and 拨款, its statement and its allocations. */
export default function FundDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [sp, setSp] = useSearchParams();
  const [dialog, setDialog] = useState<'income' | 'allocate' | null>(null);
  const { data: fund, isLoading, error } = useFund(id);
  if (isLoading) return <PageSpinner />;
  if (error || !fund) return <Result status="warning" title={fundErrorMessage(t, error)} extra={<Button onClick={() => void navigate('/funds')}>{t('funds.backToList')}</Button>} />;
  const active = TABS.find((k) => k === sp.get('tab')) ?? 'statement';
  return (
    <>
      <PageHeader
        title={fund.name}
        description={[fund.orgName, fund.purpose].filter(Boolean).join(' · ')}
        extra={
          can('fund.post') && (
            <Space wrap>
              <Button icon={<BankOutlined />} onClick={() => setDialog('income')} data-testid="fund-income">
                {t('funds.actions.income')}
              </Button>
              <Button type="primary" icon={<SendOutlined />} onClick={() => setDialog('allocate')} data-testid="fund-allocate">
                {t('funds.actions.allocate')}
              </Button>
            </Space>
          )
        }
      />
      <FundFigureCards fund={fund} />
      <Tabs
        activeKey={active}
        onChange={(key) => setSp((prev) => ({ ...Object.fromEntries(prev), tab: key }), { replace: true })}
        items={[
          { key: 'statement', label: t('funds.tabs.statement'), children: <StatementTab fundId={fund.id} /> },
          { key: 'allocations', label: t('funds.tabs.allocations'), children: <AllocationsTab fundId={fund.id} /> },
          { key: 'payments', label: t('payments.title'), children: <FundPaymentsTab fundId={fund.id} /> },
        ]}
      />
      <IncomeModal fund={fund} open={dialog === 'income'} onClose={() => setDialog(null)} />
      <AllocateModal fund={fund} open={dialog === 'allocate'} onClose={() => setDialog(null)} />
    </>
  );
}
