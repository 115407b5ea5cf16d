import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space, Table, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../shared/session.js';
import { bulkStepsFor } from './application-actions.js';
import { applicationErrorMessage, reasonMessage } from './application-errors.js';
import { statusLabel } from './application-labels.js';
import { ApplicationStatusTag } from './ApplicationStatusTag.js';
import { useBulkStep, type ApplicationListItem, type BulkStep, type BulkStepResult } from './applications.api.js';

type Row = BulkStepResult['results'][number] & { item?: ApplicationListItem };

/** A refused row's reason; one in the wrong status names the status it is in. */
function rowRefusal(t: TFunction, r: Row): string {
  if (r.error?.reason === 'status' && r.item) return t('applications.list.wrongStatus', { status: statusLabel(t, r.item.status) });
  return reasonMessage(t, r.error?.reason) ?? r.error?.message ?? t('applications.list.bulkFailed');
}

/**
 * The bar over a list with rows selected: 核实 / 县区审批 / 市总审批 on every selected row, each checked
 * on the server as if alone; the answer lists every row with its result or its reason.
 */
export function BulkStepBar({ selected, onClear, onDone }: { selected: ApplicationListItem[]; onClear: () => void; onDone: (succeededIds: string[]) => void }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const { data: me } = useMe();
  const bulk = useBulkStep();
  const [result, setResult] = useState<{ step: BulkStep; rows: Row[]; succeeded: number; failed: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const steps = bulkStepsFor(me?.permissions ?? []);

  const run = (step: BulkStep) => {
    const label = t(`applications.list.bulkStep.${step}`);
    modal.confirm({
      title: label,
      content: t('applications.list.bulkConfirm', { count: selected.length, step: label }),
      okText: t('common.ok'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        setError(null);
        try {
          const r = await bulk.mutateAsync({ step, ids: selected.map((s) => s.id) });
          const byId = new Map(selected.map((s) => [s.id, s]));
          setResult({ step, succeeded: r.succeeded, failed: r.failed, rows: r.results.map((row) => ({ ...row, item: byId.get(row.id) })) });
          onDone(r.results.filter((row) => row.ok).map((row) => row.id));
        } catch (err) {
          setError(applicationErrorMessage(t, err));
        }
      },
    });
  };

  // The result dialog outlives the selection: rows that succeeded leave it, and it may become empty.
  return (
    <>
      {selected.length > 0 && (
        <div
          data-testid="application-bulk-bar"
          style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap', padding: '8px 12px', marginBottom: 12, background: '#e6f0ff', border: '1px solid #b3cdfa', borderRadius: 6 }}
        >
          <Typography.Text strong>{t('applications.list.selected', { count: selected.length })}</Typography.Text>
          <Space wrap>
            {steps.map(({ step, from }) => {
              const count = selected.filter((s) => s.status === from).length;
              return (
                <Button key={step} type={count ? 'primary' : 'default'} loading={bulk.isPending && bulk.variables?.step === step} onClick={() => run(step)} data-testid={`application-bulk-${step}`}>
                  {t('applications.list.bulkButton', { step: t(`applications.list.bulkStep.${step}`), count })}
                </Button>
              );
            })}
            <Button type="link" onClick={onClear}>
              {t('applications.list.clearSelection')}
            </Button>
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('applications.list.bulkHint')}
          </Typography.Text>
        </div>
      )}
      {error && <Alert type="error" showIcon title={error} closable onClose={() => setError(null)} style={{ marginBottom: 12 }} />}
      <Modal
        open={!!result}
        width={760}
        title={result && t('applications.list.bulkResultTitle', { step: t(`applications.list.bulkStep.${result.step}`) })}
        onCancel={() => setResult(null)}
        footer={
          <Button type="primary" onClick={() => setResult(null)}>
            {t('common.close')}
          </Button>
        }
      >
        {result && (
          <>
            <Alert
              type={result.failed ? 'warning' : 'success'}
              showIcon
              title={t('applications.list.bulkSummary', { succeeded: result.succeeded, failed: result.failed })}
              style={{ margin: '12px 0' }}
              data-testid="application-bulk-summary"
            />
            <Table<Row>
              size="small"
              rowKey="id"
              pagination={false}
              scroll={{ y: 420 }}
              dataSource={result.rows}
              data-testid="application-bulk-results"
              columns={[
                { title: t('applications.fields.applicationNo'), width: 150, render: (_, r) => <span className="uh-mono">{r.item?.applicationNo ?? r.id.slice(0, 8)}</span> },
                { title: t('applications.fields.student'), width: 100, render: (_, r) => r.item?.studentName ?? '' },
                {
                  title: t('applications.list.bulkResult'),
                  render: (_, r) =>
                    r.ok ? (
                      <Space size={6}>
                        <CheckCircleFilled style={{ color: '#389e0d' }} />
                        {r.status && <ApplicationStatusTag status={r.status} />}
                      </Space>
                    ) : (
                      <Space size={6} align="start">
                        <CloseCircleFilled style={{ color: '#cf1322', marginTop: 4 }} />
                        <Typography.Text type="danger" data-testid="application-bulk-reason">
                          {rowRefusal(t, r)}
                        </Typography.Text>
                      </Space>
                    ),
                },
              ]}
            />
          </>
        )}
      </Modal>
    </>
  );
}
