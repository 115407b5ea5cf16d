import { App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useReportError } from '../../../shared/useReportError.js';
import { seekerErrorMessage } from './seeker-view.js';
import { useRecordOutcome, type ReferralDto } from './seekers.api.js';
import { chinaToday } from '../../../shared/china-today.js';

const noFuture = (d: Dayjs) => d.isAfter(chinaToday(), 'day');

/** 录用上岗 (with the first day at work) or 未录用, with a note. */
export function OutcomeModal({ referral, outcome, onClose }: { referral: ReferralDto | null; outcome: 'placed' | 'declined'; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ placedOn?: Dayjs; note?: string }>();
  const record = useRecordOutcome();
  const report = useReportError(seekerErrorMessage);
  const submit = async (v: { placedOn?: Dayjs; note?: string }) => {
    if (!referral) return;
    try {
      const res = await record.mutateAsync({
        referralId: referral.id,
        outcome,
        ...(outcome === 'placed' && v.placedOn ? { placedOn: v.placedOn.format('YYYY-MM-DD') } : {}),
        note: v.note?.trim() || null,
      });
      void message.success(t(outcome === 'placed' ? 'seekers.referrals.placed' : 'seekers.referrals.declined'));
      if (res.employmentLink?.recorded) void message.info(t('seekers.referrals.linkRecorded'));
      else if (res.employmentLink?.reason === 'year_recorded') void message.info(t('seekers.referrals.linkYearRecorded'));
      onClose();
    } catch (err) {
      report(err, { instance: form, fields: ['placedOn', 'note'] });
    }
  };
  return (
    <Modal
      open={!!referral}
      title={t(outcome === 'placed' ? 'seekers.referrals.placeTitle' : 'seekers.referrals.declineTitle')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={record.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'outcome-confirm' }}
    >
      {referral && (
        <p>
          {referral.enterpriseName} · {referral.postingTitle}
        </p>
      )}
      <Form form={form} layout="vertical" onFinish={submit} preserve={false} initialValues={{ placedOn: chinaToday() }}>
        {outcome === 'placed' && (
          <Form.Item name="placedOn" label={t('seekers.referrals.placedOnLabel')} rules={[{ required: true, message: t('common.selectRequired', { field: t('seekers.referrals.placedOnLabel') }) }]}>
            <DatePicker disabledDate={noFuture} allowClear={false} data-testid="outcome-placed-on" />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('seekers.referrals.note')}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('seekers.referrals.notePlaceholder')} data-testid="outcome-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
