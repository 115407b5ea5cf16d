import { PlusOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCan } from '../../../shared/session.js';
import { NewPaymentBatchModal } from './NewPaymentBatchModal.js';
import { PaymentBatchesTable } from './PaymentBatchesTable.js';
import { usePaymentBatches } from './payments.api.js';

/** A fund's page, tab 发放批次: the batches paid from the fund, and a new one from it. */
export function FundPaymentsTab({ fundId }: { fundId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const { data, isLoading } = usePaymentBatches(fundId);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {can('payment.create') && (
        <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="fund-payment-new">
          {t('payments.newBatch')}
        </Button>
      )}
      <PaymentBatchesTable items={data?.items ?? []} loading={isLoading} hideFund />
      <NewPaymentBatchModal open={creating} fundId={fundId} onClose={() => setCreating(false)} onStarted={(id) => void navigate(`/payment-batches/${id}`)} />
    </Space>
  );
}
