import { Alert, App, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Radio, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect.js';
import type { ActionKey } from './household-actions.js';
import { useReportHouseholdError } from './household-errors.js';
import {
  useHouseholdStep,
  useRecordObjection,
  useRequestTransfer,
  useResolveObjection,
  type HouseholdDetail,
  type HouseholdObjection,
  type StepPath,
} from './households.api.js';
import { chinaToday } from '../../shared/china-today.js';

/** What a dialog asks for. `resolve` handles one objection of the public notice. */
export type ModalAction = Exclude<ActionKey, 'edit'> | 'resolve';

const REASON_STEPS = new Set<ModalAction>(['return', 'reject', 'lift', 'reopen', 'close']);
const CONFIRM_STEPS = new Set<ModalAction>(['check', 'approve', 'resubmit']);
const DANGER_STEPS = new Set<ModalAction>(['reject', 'close']);

const FIELDS = new Set([
  'visitDate', 'visitors', 'findings', 'consentSigned', 'noticeDays', 'note', 'content', 'raisedBy',
  'resolution', 'upheld', 'reason', 'toOrgId', 'contactDate', 'method', 'notes',
]);

interface StepValues {
  visitDate?: Dayjs;
  contactDate?: Dayjs;
  visitors?: string;
  findings?: string;
  consentSigned?: boolean;
  noticeDays?: number;
  note?: string;
  content?: string;
  raisedBy?: string;
  resolution?: string;
  upheld?: boolean;
  reason?: string;
  toOrgId?: string;
  method?: string;
  notes?: string;
}

const ymd = (d: Dayjs | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
const trimmed = (s: string | undefined) => (s ?? '').trim();
const noFuture = (d: Dayjs) => d.isAfter(chinaToday(), 'day');

export function actionTitle(t: TFunction, action: ModalAction): string {
  return action === 'resolve' ? t('households.notice.resolve') : t(`households.steps.${action}`);
}

/** One dialog for every step of the workflow: asks what the step needs and posts it. */
export function StepModal({
  household,
  action,
  objection,
  onClose,
}: {
  household: HouseholdDetail;
  action: ModalAction | null;
  objection?: HouseholdObjection;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useReportHouseholdError();
  const [form] = Form.useForm<StepValues>();
  const step = useHouseholdStep();
  const recordObjection = useRecordObjection();
  const resolveObjection = useResolveObjection();
  const transfer = useRequestTransfer();
  const pending = step.isPending || recordObjection.isPending || resolveObjection.isPending || transfer.isPending;
  const sameOrg = useMemo(() => new Set([household.orgId]), [household.orgId]);
  const id = household.id;

  const required = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field }) });

  const submit = async () => {
    if (!action) return;
    const v = await form.validateFields();
    try {
      if (action === 'objection') await recordObjection.mutateAsync({ id, body: { content: trimmed(v.content), raisedBy: trimmed(v.raisedBy) || null } });
      else if (action === 'resolve' && objection)
        await resolveObjection.mutateAsync({ id, objectionId: objection.id, body: { resolution: trimmed(v.resolution), upheld: !!v.upheld } });
      else if (action === 'transfer') {
        const r = await transfer.mutateAsync({ id, body: { toOrgId: v.toOrgId!, reason: trimmed(v.reason) } });
        void message.success(t('households.transfer.requested', { org: r.toOrgName }));
        onClose();
        return;
      } else {
        let body: Record<string, unknown> = {};
        if (action === 'visit' || action === 'verify')
          body = { visitDate: ymd(v.visitDate), visitors: trimmed(v.visitors), findings: trimmed(v.findings), consentSigned: !!v.consentSigned };
        else if (action === 'start-notice') body = { noticeDays: v.noticeDays ?? 7, note: trimmed(v.note) || null };
        else if (action === 'follow-up') body = { contactDate: ymd(v.contactDate), method: trimmed(v.method), notes: trimmed(v.notes) };
        else if (REASON_STEPS.has(action)) body = { reason: trimmed(v.reason) };
        await step.mutateAsync({ id, step: action as StepPath, body });
      }
      void message.success(t('households.action.done', { step: actionTitle(t, action) }));
      onClose();
    } catch (err) {
      reportError(err, { instance: form, isField: (p) => p.length === 1 && FIELDS.has(String(p[0])) });
    }
  };

  const body = () => {
    if (!action) return null;
    if (CONFIRM_STEPS.has(action))
      return (
        <Typography.Paragraph style={{ margin: '12px 0' }} data-testid="action-modal-confirm">
          {t(`households.stepHints.${action as 'check' | 'approve' | 'resubmit'}`, { date: household.noticeEndsOn ?? '-' })}
        </Typography.Paragraph>
      );
    if (action === 'visit' || action === 'verify')
      return (
        <>
          <Form.Item name="visitDate" label={t(action === 'verify' ? 'households.visit.verifyDate' : 'households.visit.date')} rules={[{ required: true, message: t('common.selectRequired', { field: t('households.visit.date') }) }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={noFuture} data-testid="action-visit-date" />
          </Form.Item>
          <Form.Item name="visitors" label={t('households.visit.visitors')} rules={[required(t('households.visit.visitors'))]}>
            <Input maxLength={200} placeholder={t('households.visit.visitorsPlaceholder')} data-testid="action-visitors" />
          </Form.Item>
          <Form.Item name="findings" label={t('households.visit.findings')} rules={[required(t('households.visit.findings'))]}>
            <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('households.visit.findingsPlaceholder')} data-testid="action-findings" />
          </Form.Item>
          <Form.Item
            name="consentSigned"
            valuePropName="checked"
            rules={[{ validator: async (_, checked: boolean) => { if (!checked) throw new Error(t('households.visit.consentRequired')); } }]}
          >
            <Checkbox data-testid="action-consent">{t('households.visit.consent')}</Checkbox>
          </Form.Item>
        </>
      );
    if (action === 'start-notice')
      return (
        <>
          <Alert type="info" showIcon title={t('households.notice.startHint')} style={{ marginBottom: 16 }} />
          <Form.Item name="noticeDays" label={t('households.notice.days')} extra={t('households.notice.daysHint')} rules={[{ required: true, message: t('common.required', { field: t('households.notice.days') }) }]}>
            <InputNumber min={1} max={30} precision={0} suffix={t('households.notice.dayUnit')} style={{ width: 160 }} data-testid="action-notice-days" />
          </Form.Item>
          <Form.Item name="note" label={t('households.notice.note')}>
            <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('households.notice.notePlaceholder')} />
          </Form.Item>
        </>
      );
    if (action === 'objection')
      return (
        <>
          <Form.Item name="content" label={t('households.notice.objectionContent')} rules={[required(t('households.notice.objectionContent'))]}>
            <Input.TextArea rows={4} maxLength={1000} showCount data-testid="action-objection-content" />
          </Form.Item>
          <Form.Item name="raisedBy" label={t('households.notice.raisedBy')} extra={t('households.notice.raisedByHint')}>
            <Input maxLength={50} />
          </Form.Item>
        </>
      );
    if (action === 'resolve')
      return (
        <>
          {objection && (
            <div style={{ margin: '12px 0 16px', padding: '8px 12px', background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 6 }}>
              <Typography.Text type="secondary">{t('households.notice.objectionContent')}：</Typography.Text>
              <Typography.Text>{objection.content}</Typography.Text>
            </div>
          )}
          <Form.Item name="upheld" label={t('households.notice.conclusion')} extra={t('households.notice.conclusionHint')} rules={[{ required: true, message: t('common.selectRequired', { field: t('households.notice.conclusion') }) }]}>
            <Radio.Group
              options={[
                { value: false, label: t('households.notice.upheldNo') },
                { value: true, label: t('households.notice.upheldYes') },
              ]}
              data-testid="action-upheld"
            />
          </Form.Item>
          <Form.Item name="resolution" label={t('households.notice.resolution')} rules={[required(t('households.notice.resolution'))]}>
            <Input.TextArea rows={4} maxLength={1000} showCount placeholder={t('households.notice.resolutionPlaceholder')} data-testid="action-resolution" />
          </Form.Item>
        </>
      );
    if (action === 'follow-up')
      return (
        <>
          <Form.Item name="contactDate" label={t('households.followUp.date')} rules={[{ required: true, message: t('common.selectRequired', { field: t('households.followUp.date') }) }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={noFuture} />
          </Form.Item>
          <Form.Item name="method" label={t('households.followUp.method')} rules={[required(t('households.followUp.method'))]}>
            <Input maxLength={50} placeholder={t('households.followUp.methodPlaceholder')} />
          </Form.Item>
          <Form.Item name="notes" label={t('households.followUp.notes')} rules={[required(t('households.followUp.notes'))]}>
            <Input.TextArea rows={4} maxLength={2000} showCount />
          </Form.Item>
        </>
      );
    if (action === 'transfer')
      return (
        <>
          <Alert type="info" showIcon title={t('households.transfer.hint')} style={{ marginBottom: 16 }} />
          <Form.Item name="toOrgId" label={t('households.transfer.toOrg')} rules={[{ required: true, message: t('common.selectRequired', { field: t('households.transfer.toOrg') }) }]}>
            <OrgTreeSelect activeOnly disabledIds={sameOrg} data-testid="action-transfer-org" />
          </Form.Item>
          <Form.Item name="reason" label={t('households.reason.transfer')} rules={[required(t('households.reason.transfer'))]}>
            <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('households.reason.placeholder')} data-testid="action-reason" />
          </Form.Item>
        </>
      );
    if (REASON_STEPS.has(action)) {
      const label = t(`households.reason.${action as 'return' | 'reject' | 'lift' | 'reopen' | 'close'}`);
      return (
        <>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            {t(`households.stepHints.${action as 'return' | 'reject' | 'lift' | 'reopen' | 'close'}`)}
          </Typography.Paragraph>
          <Form.Item name="reason" label={label} rules={[required(label)]}>
            <Input.TextArea rows={4} maxLength={500} showCount placeholder={t('households.reason.placeholder')} data-testid="action-reason" />
          </Form.Item>
        </>
      );
    }
    return null;
  };

  return (
    <Modal
      open={!!action}
      title={
        action && (
          <span>
            {actionTitle(t, action)}
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginInlineStart: 8, fontSize: 13 }}>
              {household.caseNo} · {household.name}
            </Typography.Text>
          </span>
        )
      }
      okText={CONFIRM_STEPS.has(action!) ? t('common.ok') : t('common.submit')}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={pending}
      okButtonProps={{ danger: !!action && DANGER_STEPS.has(action), 'data-testid': 'action-modal-submit' }}
      destroyOnHidden
      width={CONFIRM_STEPS.has(action!) ? 460 : 600}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        requiredMark="optional"
        initialValues={{ visitDate: chinaToday(), contactDate: chinaToday(), noticeDays: 7, consentSigned: false }}
        style={{ marginTop: 12 }}
      >
        {body()}
      </Form>
    </Modal>
  );
}
