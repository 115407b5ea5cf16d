import { Tag, type TagProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { isHouseholdStatus, STATUS_COLOR, statusLabel } from './household-labels.js';

/** antd's preset tag text is too light on its soft background for WCAG AA; these darker shades pass. */
const TAG_TEXT: Record<string, string> = {
  blue: '#003eb3',
  cyan: '#00474f',
  geekblue: '#10239e',
  gold: '#874d00',
  green: '#135200',
  orange: '#873800',
  volcano: '#871400',
  red: '#a8071a',
  purple: '#391085',
};

/** A coloured tag whose text keeps AA contrast. */
export function SoftTag({ color, style, ...rest }: TagProps & { color?: string }) {
  return <Tag color={color} style={{ ...(color && TAG_TEXT[color] ? { color: TAG_TEXT[color] } : {}), ...style }} {...rest} />;
}

export function HouseholdStatusTag({ status, testId }: { status: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <SoftTag color={isHouseholdStatus(status) ? STATUS_COLOR[status] : 'default'} data-testid={testId} style={{ marginInlineEnd: 0 }}>
      {statusLabel(t, status)}
    </SoftTag>
  );
}
