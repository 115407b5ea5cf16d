import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../../shared/PageHeader.js';
import { useCan } from '../../../shared/session.js';
import { useFunds } from '../funds.api.js';
import { NewPaymentBatchModal } from './NewPaymentBatchModal.js';
import { PaymentBatchesTable } from './PaymentBatchesTable.js';
import { useCampaignChoices, usePaymentBatches } from './payments.api.js';

/** 发放批次: the batches of the user's subtree, by fund (?fundId=) and campaign (?campaignId=); 新建发放批次. */
export default function PaymentBatchesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [sp, setSp] = useSearchParams();
  const fundId = sp.get('fundId') ?? undefined;
  const campaignId = sp.get('campaignId') ?? undefined;
  const [creating, setCreating] = useState(false);
  const { data, isLoading } = usePaymentBatches(fundId);
  const funds = useFunds();
  const readsCampaigns = can('campaign.read');
  const campaigns = useCampaignChoices(readsCampaigns);
  const campaignNames = useMemo(() => (readsCampaigns ? new Map((campaigns.data?.items ?? []).map((c) => [c.id, c.name])) : undefined), [readsCampaigns, campaigns.data]);
  const items = (data?.items ?? []).filter((b) => !campaignId || b.campaignId === campaignId);
  const setFilter = (key: string, value: string | undefined) =>
    setSp(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <PageHeader
        title={t('payments.title')}
        description={t('payments.description')}
        extra={
          can('payment.create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="payment-new">
              {t('payments.newBatch')}
            </Button>
          )
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Space size={4}>
            <Typography.Text type="secondary">{t('payments.filterFund')}</Typography.Text>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              value={fundId}
              onChange={(v: string | undefined) => setFilter('fundId', v)}
              options={(funds.data?.items ?? []).map((f) => ({ value: f.id, label: `${f.name}（${f.orgName}）` }))}
              placeholder={t('payments.filterFundPlaceholder')}
              style={{ width: 300 }}
              data-testid="payment-filter-fund"
            />
          </Space>
          {readsCampaigns && (
            <Space size={4}>
              <Typography.Text type="secondary">{t('payments.filterCampaign')}</Typography.Text>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                value={campaignId}
                onChange={(v: string | undefined) => setFilter('campaignId', v)}
                options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
                placeholder={t('payments.filterCampaignPlaceholder')}
                style={{ width: 260 }}
                data-testid="payment-filter-campaign"
              />
            </Space>
          )}
        </Space>
        <PaymentBatchesTable items={items} loading={isLoading} campaignNames={campaignNames} />
      </Card>
      <NewPaymentBatchModal open={creating} fundId={fundId} onClose={() => setCreating(false)} onStarted={(id) => void navigate(`/payment-batches/${id}`)} />
    </>
  );
}
