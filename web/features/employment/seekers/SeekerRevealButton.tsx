import { useTranslation } from 'react-i18next';
import { RevealValueButton } from '../../../shared/RevealValueButton.js';
import { useReportError } from '../../../shared/useReportError.js';
import { seekerErrorMessage } from './seeker-view.js';
import { revealSeekerValue, type SeekerRevealField } from './seekers.api.js';

const FIELDS = ['reason'] as const;

/** 查看 beside a seeker's masked ID number or phone (seeker.reveal, with a reason; audited). */
export function SeekerRevealButton({ seekerId, field, owner }: { seekerId: string; field: SeekerRevealField; owner: string }) {
  const { t } = useTranslation();
  const report = useReportError(seekerErrorMessage);
  return (
    <RevealValueButton
      permission="seeker.reveal"
      reveal={(reason) => revealSeekerValue(seekerId, { field, reason })}
      onError={(err, form) => report(err, { instance: form, fields: FIELDS })}
      label={t(`seekers.fields.${field}`)}
      owner={owner}
      i18nPrefix="seekers.reveal"
      buttonTestId={`seeker-reveal-${field}`}
      testIdPrefix="seeker-"
    />
  );
}
