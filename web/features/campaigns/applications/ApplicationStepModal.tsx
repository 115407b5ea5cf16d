import { Alert, App, Form, Input, Modal, Radio, Switch, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatYuan } from '../../../shared/format.js';
import type { ActionKey } from './application-actions.js';
import { useReportApplicationError } from './application-errors.js';
import { parseYuan } from './application-form.js';
import { useApplicationStep, useRecordObjection, useResolveObjection, type ApplicationDetail, type ApplicationObjection, type StepPath } from './applications.api.js';

/** What a dialog asks for; `resolve` handles one objection of the public notice. */
export type ModalAction = Exclude<ActionKey, 'edit'> | 'resolve';

const APPROVALS = new Set<ModalAction>(['verify', 'approve-district', 'approve-city']);
const REASON_STEPS = new Set<ModalAction>(['return', 'reject', 'withdraw']);
const DANGER = new Set<ModalAction>(['reject', 'withdraw']);
const FIELDS = new Set(['reason', 'amountYuan', 'amountReason', 'content', 'raisedBy', 'resolution', 'upheld']);

interface StepValues {
  reason?: string;
  changeAmount?: boolean;
  amountYuan?: string;
  amountReason?: string;
  content?: string;
  raisedBy?: string;
  resolution?: string;
  upheld?: boolean;
}

const trimmed = (s: string | undefined) => (s ?? '').trim();

export function actionTitle(t: TFunction, action: ModalAction): string {
  return t(`applications.steps.${action}`);
}

/** One dialog for every step: asks what the step needs (a reason, an amount with its reason, an objection) and posts it. */
export function ApplicationStepModal({ application: a, action, objection, onClose }: { application: ApplicationDetail; action: ModalAction | null; objection?: ApplicationObjection; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useReportApplicationError();
  const [form] = Form.useForm<StepValues>();
  const step = useApplicationStep();
  const record = useRecordObjection();
  const resolve = useResolveObjection();
  const changeAmount = Form.useWatch('changeAmount', form);
  const pending = step.isPending || record.isPending || resolve.isPending;
  const required = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field }) });

  const submit = async () => {
    if (!action) return;
    const v = await form.validateFields();
    try {
      if (action === 'objection') await record.mutateAsync({ id: a.id, body: { content: trimmed(v.content), raisedBy: trimmed(v.raisedBy) || null } });
      else if (action === 'resolve' && objection) await resolve.mutateAsync({ id: a.id, objectionId: objection.id, body: { resolution: trimmed(v.resolution), upheld: !!v.upheld } });
      else {
        const body: { reason?: string; amountFen?: number; amountReason?: string } = {};
        if (trimmed(v.reason)) body.reason = trimmed(v.reason);
        if (APPROVALS.has(action) && v.changeAmount) {
          body.amountFen = parseYuan(v.amountYuan) ?? undefined;
          body.amountReason = trimmed(v.amountReason);
        }
        await step.mutateAsync({ id: a.id, step: action as StepPath, body });
      }
      void message.success(t('applications.step.done', { step: actionTitle(t, action) }));
      onClose();
    } catch (err) {
      reportError(err, { instance: form, fields: FIELDS });
    }
  };

  const body = () => {
    if (!action) return null;
    if (action === 'submit') return <Typography.Paragraph style={{ margin: '12px 0' }}>{t('applications.step.hint.submit')}</Typography.Paragraph>;
    if (APPROVALS.has(action))
      return (
        <>
          <Alert type="info" showIcon title={t(`applications.step.hint.${action as 'verify' | 'approve-district' | 'approve-city'}`)} style={{ marginBottom: 16 }} />
          <Typography.Paragraph type="secondary">{t('applications.step.currentAmount', { amount: formatYuan(a.amountFen) })}</Typography.Paragraph>
          <Form.Item name="changeAmount" label={t('applications.step.changeAmount')} valuePropName="checked">
            <Switch data-testid="step-change-amount" />
          </Form.Item>
          {changeAmount && (
            <>
              <Form.Item
                name="amountYuan"
                label={t('applications.step.newAmount')}
                required
                rules={[
                  {
                    validator: async (_, value: string | undefined) => {
                      const fen = parseYuan(value);
                      if (fen === undefined) throw new Error(t('applications.form.yuanInvalid'));
                      if (fen === null) throw new Error(t('common.required', { field: t('applications.step.newAmount') }));
                    },
                  },
                ]}
              >
                <Input inputMode="decimal" suffix={t('applications.yuan')} style={{ width: 220 }} data-testid="step-amount" />
              </Form.Item>
              <Form.Item name="amountReason" label={t('applications.fields.amountReason')} rules={[required(t('applications.fields.amountReason'))]}>
                <Input.TextArea rows={2} maxLength={500} showCount data-testid="step-amount-reason" />
              </Form.Item>
            </>
          )}
          <Form.Item name="reason" label={t('applications.step.opinion')}>
            <Input.TextArea rows={2} maxLength={500} showCount />
          </Form.Item>
        </>
      );
    if (REASON_STEPS.has(action))
      return (
        <>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            {t(`applications.step.hint.${action as 'return' | 'reject' | 'withdraw'}`)}
          </Typography.Paragraph>
          <Form.Item name="reason" label={t('applications.step.reason')} rules={[required(t('applications.step.reason'))]}>
            <Input.TextArea rows={4} maxLength={500} showCount placeholder={t('applications.step.reasonPlaceholder')} data-testid="step-reason" />
          </Form.Item>
        </>
      );
    if (action === 'objection')
      return (
        <>
          <Form.Item name="content" label={t('applications.detail.objectionContent')} rules={[required(t('applications.detail.objectionContent'))]}>
            <Input.TextArea rows={4} maxLength={1000} showCount data-testid="step-objection-content" />
          </Form.Item>
          <Form.Item name="raisedBy" label={t('applications.detail.objectionRaisedBy')} extra={t('applications.detail.objectionRaisedByHint')}>
            <Input maxLength={50} />
          </Form.Item>
        </>
      );
    return (
      <>
        {objection && (
          <div style={{ margin: '12px 0 16px', padding: '8px 12px', background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 6 }}>
            <Typography.Text type="secondary">{t('applications.detail.objectionContent')}：</Typography.Text>
            <Typography.Text>{objection.content}</Typography.Text>
          </div>
        )}
        <Form.Item name="upheld" label={t('applications.detail.conclusion')} rules={[{ required: true, message: t('common.selectRequired', { field: t('applications.detail.conclusion') }) }]}>
          <Radio.Group
            options={[
              { value: false, label: t('applications.detail.upheldNo') },
              { value: true, label: t('applications.detail.upheldYes') },
            ]}
            data-testid="step-upheld"
          />
        </Form.Item>
        <Form.Item name="resolution" label={t('applications.detail.resolution')} rules={[required(t('applications.detail.resolution'))]}>
          <Input.TextArea rows={4} maxLength={1000} showCount data-testid="step-resolution" />
        </Form.Item>
      </>
    );
  };

  return (
    <Modal
      open={!!action}
      title={
        action && (
          <span>
            {actionTitle(t, action)}
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginInlineStart: 8, fontSize: 13 }}>
              {a.applicationNo} · {a.studentName}
            </Typography.Text>
          </span>
        )
      }
      okText={action === 'submit' ? t('common.ok') : t('common.submit')}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={pending}
      okButtonProps={{ danger: !!action && DANGER.has(action), 'data-testid': 'step-modal-submit' }}
      destroyOnHidden
      width={action === 'submit' ? 460 : 600}
    >
      <Form form={form} layout="vertical" preserve={false} requiredMark="optional" initialValues={{ changeAmount: false }} style={{ marginTop: 12 }}>
        {body()}
      </Form>
    </Modal>
  );
}
