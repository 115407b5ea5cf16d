import { RevealValueButton } from '../../shared/RevealValueButton.js';
import { useReportHouseholdError } from './household-errors.js';
import { revealHouseholdValue, type RevealField } from './households.api.js';

/** 查看 beside a household's masked ID, phone or card number (household.reveal, with a reason; audited). */
export function RevealButton({
  householdId,
  field,
  memberId,
  label,
  owner,
  testId,
}: {
  householdId: string;
  field: RevealField;
  memberId?: string;
  /** What is shown, e.g. 身份证号. */
  label: string;
  /** Whose number, e.g. the worker's or the member's name. */
  owner: string;
  testId?: string;
}) {
  const reportError = useReportHouseholdError();
  return (
    <RevealValueButton
      permission="household.reveal"
      reveal={(reason) => revealHouseholdValue(householdId, { field, memberId, reason })}
      onError={(err, form) => reportError(err, { instance: form, isField: (p) => p.length === 1 && p[0] === 'reason' })}
      label={label}
      owner={owner}
      i18nPrefix="households.reveal"
      buttonTestId={testId}
    />
  );
}
