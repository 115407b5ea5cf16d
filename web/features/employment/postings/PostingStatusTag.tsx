import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { PostingStatus } from '../../../../contracts/employment.js';
import { codeLabel } from '../../../shared/code-labels.js';
import { STATUS_COLORS } from './posting-view.js';
import type { PostingStatusKey } from './postings.api.js';

export function PostingStatusTag({ status }: { status: PostingStatusKey }) {
  const { i18n } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="posting-status" data-status={status}>
      {codeLabel(PostingStatus, status, i18n.language)}
    </Tag>
  );
}
