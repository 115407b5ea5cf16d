import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { PaymentBatchStatus, PaymentLineStatus } from '../../../../contracts/funds.js';
import { codeLabel } from '../../../shared/code-labels.js';
import { TAG_TEXT } from '../../campaigns/lump-sum/batch-view.js';
import { BATCH_COLOR, LINE_COLOR } from './payment-view.js';
import type { BatchStatus, LineStatus } from './payments.api.js';

export function BatchStatusTag({ status, testId }: { status: BatchStatus; testId?: string }) {
  const { i18n } = useTranslation();
  return (
    // A long label (English 'Awaiting approval') wraps inside a narrow table column instead of running over the next one.
    <Tag color={BATCH_COLOR[status]} style={{ color: TAG_TEXT[BATCH_COLOR[status]], whiteSpace: 'normal' }} data-testid={testId}>
      {codeLabel(PaymentBatchStatus, status, i18n.language)}
    </Tag>
  );
}

export function LineStatusTag({ status }: { status: LineStatus }) {
  const { i18n } = useTranslation();
  return (
    <Tag color={LINE_COLOR[status]} style={{ color: TAG_TEXT[LINE_COLOR[status]] }}>
      {codeLabel(PaymentLineStatus, status, i18n.language)}
    </Tag>
  );
}
