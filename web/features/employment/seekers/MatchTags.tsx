import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { MatchCriterion } from '../../../../contracts/seekers.js';
import { codeLabel } from '../../../shared/code-labels.js';

/** 匹配项: the criteria met (green) and not met (grey, struck through); the skills found in a tooltip. */
export function MatchTags({ matched, missed, skillsFound = [] }: { matched: string[]; missed?: string[]; skillsFound?: string[] }) {
  const { t, i18n } = useTranslation();
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }} data-testid="match-tags">
      {matched.map((c) => {
        const tag = (
          <Tag key={c} color={c === 'priority_pledge' ? 'gold' : 'green'} icon={<CheckOutlined />} style={{ marginInlineEnd: 0 }} data-testid={`match-${c}`}>
            {codeLabel(MatchCriterion, c, i18n.language)}
          </Tag>
        );
        return c === 'skills' && skillsFound.length ? (
          <Tooltip key={c} title={t('seekers.matches.skillsFound', { skills: skillsFound.join('、') })}>
            {tag}
          </Tooltip>
        ) : (
          tag
        );
      })}
      {(missed ?? []).map((c) => (
        <Tag key={c} icon={<CloseOutlined />} style={{ marginInlineEnd: 0, color: '#8c8c8c', textDecoration: 'line-through' }} data-testid={`missed-${c}`}>
          {codeLabel(MatchCriterion, c, i18n.language)}
        </Tag>
      ))}
    </span>
  );
}
