import { RevealValueButton } from '../../../shared/RevealValueButton.js';
import { useReportApplicationError } from './application-errors.js';
import { revealApplicationValue, type RevealField } from './applications.api.js';

const FIELDS = new Set(['reason']);

/** 查看 beside a masked number of an application (application.reveal, with a reason; audited). */
export function ApplicationRevealButton({ applicationId, field, label, owner }: { applicationId: string; field: RevealField; label: string; owner: string }) {
  const reportError = useReportApplicationError();
  return (
    <RevealValueButton
      permission="application.reveal"
      reveal={(reason) => revealApplicationValue(applicationId, { field, reason })}
      onError={(err, form) => reportError(err, { instance: form, fields: FIELDS })}
      label={label}
      owner={owner}
      i18nPrefix="applications.reveal"
      buttonTestId={`application-reveal-${field}`}
      testIdPrefix="application-"
      className="no-print"
    />
  );
}
