import { ArrowLeftOutlined, AuditOutlined, CloudUploadOutlined, DownloadOutlined, FileExcelOutlined, InboxOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, Progress, Result, Row, Space, Steps, Switch, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useCan, useMe } from '../../shared/session.js';
import { isApiError } from '../../shared/api.js';
import { formatDateTime } from '../../shared/format.js';
import { PageHeader } from '../../shared/PageHeader.js';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect.js';
import { householdErrorMessage } from './household-errors.js';
import { isImportFinished, startImport, useCancelImport, useImportJob, type ImportError, type ImportJob } from './households.api.js';
import { progressOf, STEP_OF, type RunningPhase } from './import-progress.js';

const MAX_BYTES = 40 * 1024 * 1024;

interface ImportValues {
  orgId: string;
  asArchived: boolean;
}

function fileSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function QueuePlace({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  if (job.queuePosition == null) return null;
  const ahead = Math.max(0, job.queuePosition - 1);
  return (
    <Typography.Text strong data-testid="import-queue">
      {ahead > 0 ? t('households.import.queueAhead', { count: ahead }) : t('households.import.queueNext')}
    </Typography.Text>
  );
}

function CancelButton({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const cancel = useCancelImport();
  if (!job.jobId || job.jobState !== 'queued') return null;
  const confirm = () =>
    modal.confirm({
      title: t('households.import.cancelTitle'),
      content: t('households.import.cancelConfirm'),
      okText: t('households.import.cancelOk'),
      okButtonProps: { danger: true, ...({ 'data-testid': 'import-cancel-ok' } as object) },
      cancelText: t('households.import.cancelBack'),
      onOk: async () => {
        try {
          await cancel.mutateAsync(job);
        } catch (err) {
          void message.error(isApiError(err) && err.details.reason === 'job_not_queued' ? t('households.import.cancelTooLate') : householdErrorMessage(t, err));
        }
      },
    });
  return (
    <Button icon={<StopOutlined />} onClick={confirm} loading={cancel.isPending} data-testid="import-cancel">
      {t('households.import.cancel')}
    </Button>
  );
}

function Running({ job, filename }: { job: ImportJob | undefined; filename: string }) {
  const { t } = useTranslation();
  const { percent, phase } = progressOf(job);
  const p = job?.progress;
  const steps: RunningPhase[] = ['queued', 'validating', 'writing'];
  return (
    <div style={{ maxWidth: 640, margin: '24px auto', textAlign: 'center' }} data-testid="import-progress" data-phase={phase}>
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t(`households.import.phase.${phase}`)}
      </Typography.Title>
      <Progress percent={percent} status={phase === 'removing' ? 'exception' : 'active'} strokeColor={phase === 'removing' ? undefined : '#1a5fd0'} showInfo={phase !== 'queued'} />
      <Space orientation="vertical" size={4} style={{ marginTop: 12 }}>
        {job && phase === 'queued' && <QueuePlace job={job} />}
        <Typography.Text type="secondary">{t(phase === 'queued' ? 'households.import.waiting' : 'households.import.processing', { filename })}</Typography.Text>
        {p && phase !== 'queued' && (
          <Typography.Text type="secondary">
            {p.phase === 'removing'
              ? t('households.import.removingHint', { written: p.written ?? 0 })
              : p.phase === 'writing' && p.totalHouseholds
                ? t('households.import.written', { written: p.written ?? 0, total: p.totalHouseholds })
                : t('households.import.rowsRead', { count: p.rowsRead })}
          </Typography.Text>
        )}
        {phase === 'queued' && (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('households.import.queueHint')}
          </Typography.Text>
        )}
      </Space>
      {job && phase === 'queued' && (
        <div style={{ marginTop: 16 }}>
          <CancelButton job={job} />
        </div>
      )}
      <Steps
        size="small"
        style={{ marginTop: 32, textAlign: 'start' }}
        current={STEP_OF[phase]}
        status={phase === 'removing' ? 'error' : 'process'}
        items={[
          ...steps.map((s) => ({ title: t(`households.import.phase.${s}`) })),
          ...(job?.asArchived ? [{ title: t('households.import.phase.awaiting_approval') }] : []),
        ]}
      />
    </div>
  );
}

function Failed({ job, onAgain }: { job: ImportJob; onAgain: () => void }) {
  const { t } = useTranslation();
  return (
    <div data-testid="import-result" data-status={job.status}>
      <Result
        status="error"
        title={t('households.import.failed')}
        subTitle={
          job.errorCount > 0
            ? t('households.import.failedSub', { count: job.errorCount })
            : job.message
              ? t('households.import.failedReason', { message: job.message })
              : t('households.import.stopped')
        }
        extra={[
          job.errorCount > 0 && (
            <Button key="report" type="primary" icon={<DownloadOutlined />} href={`/api/household-imports/${job.id}/errors`} data-testid="import-error-report">
              {t('households.import.downloadErrors')}
            </Button>
          ),
          <Button key="again" onClick={onAgain} data-testid="import-again">
            {t('households.import.again')}
          </Button>,
        ]}
      />
      {job.errorsPreview.length > 0 && (
        <>
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
            {job.errorCount > job.errorsPreview.length
              ? t('households.import.errorsPreview', { count: job.errorsPreview.length, total: job.errorCount })
              : t('households.import.errorsAll', { count: job.errorCount })}
          </Typography.Text>
          <Table<ImportError>
            data-testid="import-errors"
            rowKey={(e, i) => `${e.sheet}-${e.row}-${e.column}-${i}`}
            size="small"
            pagination={false}
            scroll={{ y: 480 }}
            dataSource={job.errorsPreview}
            columns={[
              { title: t('households.import.errSheet'), dataIndex: 'sheet', width: 100 },
              { title: t('households.import.errRow'), dataIndex: 'row', width: 70, align: 'right' },
              { title: t('households.import.errColumn'), dataIndex: 'column', width: 150 },
              { title: t('households.import.errValue'), dataIndex: 'value', width: 200, ellipsis: true, render: (v: string) => <span className="uh-mono">{v}</span> },
              { title: t('households.import.errReason'), dataIndex: 'reason' },
            ]}
          />
        </>
      )}
    </div>
  );
}

function Succeeded({ job, onAgain }: { job: ImportJob; onAgain: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="success"
      data-testid="import-result"
      data-status={job.status}
      title={t('households.import.succeeded')}
      subTitle={
        <>
          {t('households.import.succeededSub', { households: job.importedHouseholds, members: job.importedMembers, rows: job.totalRows, org: job.orgName })}
          {job.asArchived && job.decidedAt && (
            <>
              <br />
              {t('households.import.approvedBy', { date: formatDateTime(job.decidedAt) })}
              {job.decisionReason ? ` · ${t('households.import.rejectedReason', { reason: job.decisionReason })}` : ''}
            </>
          )}
        </>
      }
      extra={[
        <Button key="list" type="primary" onClick={() => void navigate(`/households?orgId=${job.orgId}`)} data-testid="import-view-list">
          {t('households.import.viewList', { org: job.orgName })}
        </Button>,
        <Button key="again" onClick={onAgain}>
          {t('households.import.again')}
        </Button>,
      ]}
    />
  );
}

function AwaitingApproval({ job, onAgain }: { job: ImportJob; onAgain: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  return (
    <Result
      status="info"
      icon={<AuditOutlined style={{ color: '#1a5fd0' }} />}
      data-testid="import-result"
      data-status={job.status}
      title={t('households.import.awaiting')}
      subTitle={
        <>
          <span data-testid="import-awaiting">{t('households.import.awaitingSub', { households: job.importedHouseholds, members: job.importedMembers, org: job.orgName })}</span>
          <br />
          <span style={{ fontSize: 13 }}>{t('households.import.awaitingHint')}</span>
        </>
      }
      extra={[
        can('household.review') && (
          <Button key="approvals" type="primary" onClick={() => void navigate('/households/import-approvals')} data-testid="import-to-approvals">
            {t('households.import.toApprovals')}
          </Button>
        ),
        <Button key="again" onClick={onAgain} data-testid="import-again">
          {t('households.import.again')}
        </Button>,
      ]}
    />
  );
}

function Ended({ job, onAgain }: { job: ImportJob; onAgain: () => void }) {
  const { t } = useTranslation();
  const rejected = job.status === 'rejected';
  return (
    <Result
      status="warning"
      data-testid="import-result"
      data-status={job.status}
      title={t(rejected ? 'households.import.rejected' : 'households.import.cancelled')}
      subTitle={
        rejected ? (
          <>
            {t('households.import.rejectedSub', { date: formatDateTime(job.decidedAt), households: job.importedHouseholds })}
            {job.decisionReason && (
              <>
                <br />
                <span data-testid="import-decision-reason">{t('households.import.rejectedReason', { reason: job.decisionReason })}</span>
              </>
            )}
          </>
        ) : (
          t('households.import.cancelledSub')
        )
      }
      extra={
        <Button type="primary" onClick={onAgain} data-testid="import-again">
          {t('households.import.again')}
        </Button>
      }
    />
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * 批量导入: one workbook, checked whole, queued on the background job runner and written all or
 * nothing; an import as archived then waits for a second person. The import being followed is in
 * the address (?id=…), so the page can be left and come back to.
 */
export default function HouseholdImportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const can = useCan();
  const { data: me } = useMe();
  const [form] = Form.useForm<ImportValues>();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [searchParams, setSearchParams] = useSearchParams();
  const idParam = searchParams.get('id') ?? undefined;
  const jobId = idParam && UUID.test(idParam) ? idParam : undefined;
  const setJobId = (id: string | undefined) => setSearchParams(id ? { id } : {});
  const [uploading, setUploading] = useState(false);
  const { data: job, error: jobError } = useImportJob(jobId);
  const finished = isImportFinished(job);

  const reset = () => {
    setJobId(undefined);
    setFile(null);
    setFileError(null);
  };

  const choose = (f: File) => {
    if (!/\.xlsx$/i.test(f.name)) setFileError(t('households.import.fileType'));
    else if (f.size > MAX_BYTES) setFileError(t('households.import.fileTooLarge'));
    else setFileError(null);
    setFile(f);
    return false; // kept here; sent as the raw body on submit
  };

  const submit = async () => {
    const v = await form.validateFields();
    if (!file) {
      setFileError(t('households.import.fileRequired'));
      return;
    }
    if (fileError) return;
    setUploading(true);
    try {
      const started = await startImport(file, { orgId: v.orgId, asArchived: !!v.asArchived });
      setJobId(started.id);
    } catch (err) {
      // A workbook refused by the upload bounds carries its reason in Chinese, naming the limit.
      const refusal = isApiError(err) && err.details.reason ? err.details.issues?.find((i) => i.field === 'file')?.message : undefined;
      if (refusal) setFileError(refusal);
      else if (isApiError(err) && err.code === 'VALIDATION' && err.details.issues?.some((i) => i.field === 'file')) setFileError(t('households.import.notXlsx'));
      else if (isApiError(err) && (err.code === 'LIMIT_EXCEEDED' || err.code === 'TOO_LARGE')) setFileError(t('households.import.fileTooLarge'));
      else void message.error(householdErrorMessage(t, err));
    } finally {
      setUploading(false);
    }
  };

  const current = !jobId ? 0 : job?.status === 'succeeded' ? 3 : finished ? 2 : 1;
  const stepStatus = job?.status === 'failed' || job?.status === 'rejected' ? 'error' : undefined;
  const notFound = (isApiError(jobError) && jobError.code === 'NOT_FOUND') || (!!idParam && !jobId);

  return (
    <>
      <PageHeader
        title={t('households.import.title')}
        description={t('households.import.description')}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/households')}>
            {t('households.detail.backToList')}
          </Button>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Steps
          current={current}
          status={stepStatus}
          items={[{ title: t('households.import.stepPrepare') }, { title: t('households.import.stepProcess') }, { title: t('households.import.stepResult') }]}
        />
      </Card>
      <Card>
        {(jobError || notFound) && (
          <Alert
            type="error"
            showIcon
            title={notFound ? t('households.import.notFound') : householdErrorMessage(t, jobError)}
            action={
              notFound ? (
                <Button size="small" onClick={reset}>
                  {t('households.import.again')}
                </Button>
              ) : undefined
            }
            style={{ marginBottom: 16 }}
          />
        )}
        {!idParam && (
          <Row gutter={32}>
            <Col xs={24} lg={14}>
              <Form form={form} layout="vertical" requiredMark="optional" initialValues={{ orgId: me?.orgId, asArchived: false }}>
                <Form.Item
                  name="orgId"
                  label={t('households.import.org')}
                  extra={t('households.import.orgHint')}
                  rules={[{ required: true, message: t('common.selectRequired', { field: t('households.import.org') }) }]}
                >
                  <OrgTreeSelect activeOnly data-testid="import-org" />
                </Form.Item>
                {can('household.review') && (
                  <Form.Item name="asArchived" label={t('households.import.asArchived')} valuePropName="checked" extra={t('households.import.asArchivedHint')}>
                    <Switch data-testid="import-as-archived" />
                  </Form.Item>
                )}
                <Form.Item label={t('households.import.file')} required validateStatus={fileError ? 'error' : undefined} help={fileError ?? undefined}>
                  <Upload.Dragger
                    accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    multiple={false}
                    maxCount={1}
                    showUploadList={false}
                    beforeUpload={choose}
                    data-testid="import-file"
                  >
                    {file ? (
                      <Space orientation="vertical" size={4}>
                        <FileExcelOutlined style={{ fontSize: 40, color: '#237804' }} />
                        <Typography.Text strong data-testid="import-file-name">
                          {file.name}
                        </Typography.Text>
                        <Typography.Text type="secondary">
                          {fileSize(file.size)} · {t('households.import.replaceFile')}
                        </Typography.Text>
                      </Space>
                    ) : (
                      <Space orientation="vertical" size={4}>
                        <InboxOutlined style={{ fontSize: 40, color: '#1a5fd0' }} />
                        <Typography.Text>{t('households.import.chooseFile')}</Typography.Text>
                        <Typography.Text type="secondary">{t('households.import.fileHint')}</Typography.Text>
                      </Space>
                    )}
                  </Upload.Dragger>
                </Form.Item>
                <Button type="primary" size="large" icon={<CloudUploadOutlined />} loading={uploading} onClick={() => void submit().catch(() => undefined)} data-testid="import-submit">
                  {t('households.import.submit')}
                </Button>
              </Form>
            </Col>
            <Col xs={24} lg={10}>
              <Card size="small" title={t('households.import.guideTitle')} style={{ background: '#f7f9fc' }} variant="borderless">
                <ol style={{ paddingInlineStart: 20, margin: '0 0 12px', lineHeight: 2 }}>
                  <li>{t('households.import.guide1')}</li>
                  <li>{t('households.import.guide2')}</li>
                  <li>{t('households.import.guide3')}</li>
                  <li>{t('households.import.guide4')}</li>
                </ol>
                <Button icon={<DownloadOutlined />} href="/api/households/import-template" data-testid="import-template">
                  {t('households.import.template')}
                </Button>
              </Card>
            </Col>
          </Row>
        )}
        {jobId && !finished && !notFound && <Running job={job} filename={job?.filename ?? file?.name ?? ''} />}
        {job && job.status === 'failed' && <Failed job={job} onAgain={reset} />}
        {job && job.status === 'succeeded' && <Succeeded job={job} onAgain={reset} />}
        {job && job.status === 'awaiting_approval' && <AwaitingApproval job={job} onAgain={reset} />}
        {job && (job.status === 'rejected' || job.status === 'cancelled') && <Ended job={job} onAgain={reset} />}
      </Card>
    </>
  );
}
