import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApplicationStatus, STATUS_COLOR, statusLabel } from './application-labels.js';

/** antd's preset tag text is too light on its soft background for WCAG AA; these darker shades pass. */
const TAG_TEXT: Record<string, string> = {
  blue: '#003eb3',
  cyan: '#00474f',
  geekblue: '#10239e',
  gold: '#874d00',
  green: '#135200',
  purple: '#391085',
  red: '#a8071a',
};

export function ApplicationStatusTag({ status, testId }: { status: string; testId?: string }) {
  const { t } = useTranslation();
  const color = isApplicationStatus(status) ? STATUS_COLOR[status] : 'default';
  return (
    <Tag color={color} style={{ marginInlineEnd: 0, ...(TAG_TEXT[color] ? { color: TAG_TEXT[color] } : {}) }} data-testid={testId}>
      {statusLabel(t, status)}
    </Tag>
  );
}
