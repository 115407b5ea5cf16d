import { ArrowLeftOutlined, CloudUploadOutlined, DownloadOutlined, FileExcelOutlined, InboxOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, Progress, Result, Row, Space, Steps, Table, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../../shared/api.js';
import { errorMessage } from '../../../shared/errors.js';
import { formatFileSize } from '../../../shared/format.js';
import { PageHeader } from '../../../shared/PageHeader.js';
import { PageSpinner } from '../../../shared/PageSpinner.js';
import { useMe } from '../../../shared/session.js';
import { OrgTreeSelect } from '../../orgs/OrgTreeSelect.js';
import { useCampaign } from '../campaigns.api.js';
import {
  applicationTemplateUrl,
  IMPORT_MAX_BYTES,
  importErrorsUrl,
  isJobFinished,
  startApplicationImport,
  useApplicationImport,
  useCancelImportJob,
  useImportJob,
  type ApplicationImportDto,
  type BackgroundJob,
} from './application-import.api.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type Phase = 'queued' | 'validating' | 'writing';

/** Where a running import is: queued, reading and checking the rows, then checked by the rules (the phase with a total). */
function progressOf(job: BackgroundJob | undefined): { phase: Phase; percent: number } {
  const p = job?.progress;
  if (p?.phase === 'writing') return { phase: 'writing', percent: 40 + (p.total ? Math.floor((59 * (p.written ?? 0)) / p.total) : 0) };
  if (p?.phase === 'validating' || job?.state === 'running') return { phase: 'validating', percent: 20 };
  return { phase: 'queued', percent: 3 };
}

function Running({ job, filename }: { job: BackgroundJob | undefined; filename: string }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const cancel = useCancelImportJob();
  const { phase, percent } = progressOf(job);
  const p = job?.progress;
  const confirmCancel = () =>
    modal.confirm({
      title: t('applicationImport.cancel'),
      content: t('applicationImport.cancelConfirm'),
      okText: t('applicationImport.cancelOk'),
      okButtonProps: { danger: true },
      cancelText: t('applicationImport.cancelBack'),
      onOk: async () => {
        try {
          await cancel.mutateAsync(job!.id);
        } catch (err) {
          void message.error(isApiError(err) && err.details.reason === 'job_not_queued' ? t('applicationImport.cancelTooLate') : errorMessage(t, err));
        }
      },
    });
  return (
    <div style={{ maxWidth: 640, margin: '24px auto', textAlign: 'center' }} data-testid="application-import-progress" data-phase={phase}>
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t(`applicationImport.phase.${phase}`)}
      </Typography.Title>
      <Progress percent={percent} status="active" strokeColor="#1a5fd0" showInfo={phase !== 'queued'} />
      <Space orientation="vertical" size={4} style={{ marginTop: 12 }}>
        {phase === 'queued' && job?.queuePosition != null && (
          <Typography.Text strong>{job.queuePosition > 1 ? t('applicationImport.queueAhead', { count: job.queuePosition - 1 }) : t('applicationImport.queueNext')}</Typography.Text>
        )}
        <Typography.Text type="secondary">{t(phase === 'queued' ? 'applicationImport.waiting' : 'applicationImport.processing', { filename })}</Typography.Text>
        {phase === 'writing' && p?.total ? (
          <Typography.Text type="secondary">{t('applicationImport.written', { written: p.written ?? 0, total: p.total })}</Typography.Text>
        ) : phase === 'validating' && p?.rowsRead ? (
          <Typography.Text type="secondary">{t('applicationImport.rowsRead', { count: p.rowsRead })}</Typography.Text>
        ) : null}
      </Space>
      {job?.state === 'queued' && (
        <div style={{ marginTop: 16 }}>
          <Button icon={<StopOutlined />} onClick={confirmCancel} loading={cancel.isPending} data-testid="application-import-cancel">
            {t('applicationImport.cancel')}
          </Button>
        </div>
      )}
    </div>
  );
}

function ErrorTable({ imp }: { imp: ApplicationImportDto }) {
  const { t } = useTranslation();
  if (imp.errors.length === 0) return null;
  return (
    <>
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
        {imp.errorCount > imp.errors.length ? t('applicationImport.errorsShown', { count: imp.errors.length, total: imp.errorCount }) : t('applicationImport.errorsAll', { count: imp.errorCount })}
      </Typography.Text>
      <Table
        data-testid="application-import-errors"
        rowKey={(e) => `${e.sheet}-${e.row}-${e.column}-${e.reason}`}
        size="small"
        pagination={false}
        scroll={{ y: 480, x: 820 }}
        dataSource={imp.errors}
        columns={[
          { title: t('applicationImport.errSheet'), dataIndex: 'sheet', width: 100 },
          { title: t('applicationImport.errRow'), dataIndex: 'row', width: 70, align: 'right', render: (v: number) => (v > 0 ? v : '') },
          { title: t('applicationImport.errColumn'), dataIndex: 'column', width: 150 },
          { title: t('applicationImport.errValue'), dataIndex: 'value', width: 200, ellipsis: true, render: (v: string) => <span className="uh-mono">{v}</span> },
          { title: t('applicationImport.errReason'), dataIndex: 'reason' },
        ]}
      />
    </>
  );
}

function Finished({ imp, onAgain }: { imp: ApplicationImportDto; onAgain: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const again = (
    <Button key="again" onClick={onAgain} data-testid="application-import-again">
      {t('applicationImport.again')}
    </Button>
  );
  if (imp.status === 'succeeded')
    return (
      <Result
        status="success"
        data-testid="application-import-result"
        data-status={imp.status}
        title={t('applicationImport.succeeded')}
        subTitle={t('applicationImport.succeededSub', { count: imp.importedApplications, org: imp.orgName, rows: imp.totalRows })}
        extra={[
          <Button key="list" type="primary" onClick={() => void navigate(`/campaigns/${imp.campaignId}?tab=applications`)} data-testid="application-import-view">
            {t('applicationImport.viewApplications')}
          </Button>,
          again,
        ]}
      />
    );
  if (imp.status === 'cancelled')
    return <Result status="warning" data-testid="application-import-result" data-status={imp.status} title={t('applicationImport.cancelled')} subTitle={t('applicationImport.cancelledSub')} extra={again} />;
  return (
    <div data-testid="application-import-result" data-status={imp.status}>
      <Result
        status="error"
        title={t('applicationImport.failed')}
        subTitle={
          imp.errorCount > 0
            ? t('applicationImport.failedSub', { count: imp.errorCount })
            : imp.message
              ? t('applicationImport.failedReason', { message: imp.message })
              : t('applicationImport.stopped')
        }
        extra={[
          imp.errorCount > 0 && (
            <Button key="report" type="primary" icon={<DownloadOutlined />} href={importErrorsUrl(imp.id)} data-testid="application-import-report">
              {t('applicationImport.downloadErrors')}
            </Button>
          ),
          again,
        ]}
      />
      <ErrorTable imp={imp} />
    </div>
  );
}

/**
 * 导入申请 (/campaigns/:id/import): one workbook on the campaign's template, checked whole and
 * imported as drafts all or nothing on the background job runner. The import being followed is in the
 * address (?import=…), so the page can be left and come back to.
 */
export default function ApplicationImportPage() {
  const { id: campaignId } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const { data: campaign, isLoading, error: campaignError } = useCampaign(campaignId);
  const [form] = Form.useForm<{ orgId: string }>();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [sp, setSp] = useSearchParams();
  const importParam = sp.get('import') ?? undefined;
  const importId = importParam && UUID.test(importParam) ? importParam : undefined;
  const [jobState, setJobState] = useState<string | undefined>();
  const { data: imp, error: importError } = useApplicationImport(importId, jobState);
  const { data: job } = useImportJob(imp?.jobId ?? undefined);
  // The import is read again once its job ends (its outcome, counts and errors).
  useEffect(() => {
    if (job && isJobFinished(job)) setJobState(job.state);
  }, [job]);
  const finished = !!imp && (imp.status === 'succeeded' || imp.status === 'failed' || imp.status === 'cancelled');

  if (isLoading) return <PageSpinner />;
  if (!campaign) return <Alert type="error" showIcon title={errorMessage(t, campaignError)} />;

  const reset = () => {
    setSp({});
    setFile(null);
    setFileError(null);
    setJobState(undefined);
  };

  const choose = (f: File) => {
    if (!/\.xlsx$/i.test(f.name)) setFileError(t('applicationImport.fileType'));
    else if (f.size > IMPORT_MAX_BYTES) setFileError(t('applicationImport.fileTooLarge'));
    else setFileError(null);
    setFile(f);
    return false; // kept here; sent as the raw body on submit
  };

  const submit = async () => {
    const { orgId } = await form.validateFields();
    if (!file) return setFileError(t('applicationImport.fileRequired'));
    if (fileError) return;
    setUploading(true);
    try {
      const started = await startApplicationImport(file, { campaignId: campaign.id, orgId });
      setJobState(undefined);
      setSp({ import: started.id });
    } catch (err) {
      if (isApiError(err) && err.status === 401) return;
      // A workbook refused by the upload bounds carries its reason in Chinese, naming the limit.
      const refusal = isApiError(err) ? err.details.issues?.find((i) => i.field === 'file')?.message : undefined;
      if (refusal) setFileError(refusal);
      else if (isApiError(err) && (err.status === 413 || err.code === 'TOO_LARGE')) setFileError(t('applicationImport.fileTooLarge'));
      else if (isApiError(err) && err.status === 415) setFileError(t('applicationImport.notXlsx'));
      else void message.error(errorMessage(t, err));
    } finally {
      setUploading(false);
    }
  };

  const current = !importId ? 0 : imp?.status === 'succeeded' ? 3 : finished ? 2 : 1;
  const notFound = (!!importParam && !importId) || (isApiError(importError) && importError.code === 'NOT_FOUND');
  const open = campaign.status === 'open';

  return (
    <>
      <PageHeader
        title={t('applicationImport.title')}
        description={`${campaign.name} · ${t('applicationImport.description')}`}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(`/campaigns/${campaign.id}?tab=applications`)}>
            {t('applicationImport.back')}
          </Button>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Steps
          current={current}
          status={imp?.status === 'failed' ? 'error' : undefined}
          items={[{ title: t('applicationImport.steps.prepare') }, { title: t('applicationImport.steps.process') }, { title: t('applicationImport.steps.result') }]}
        />
      </Card>
      <Card>
        {(notFound || (importError && !notFound)) && (
          <Alert
            type="error"
            showIcon
            title={notFound ? t('applicationImport.notFound') : errorMessage(t, importError)}
            action={
              <Button size="small" onClick={reset}>
                {t('applicationImport.again')}
              </Button>
            }
            style={{ marginBottom: 16 }}
          />
        )}
        {!importParam && (
          <Row gutter={32}>
            <Col xs={24} lg={14}>
              {!open && <Alert type="warning" showIcon title={t('applicationImport.notOpen')} style={{ marginBottom: 16 }} />}
              <Form form={form} layout="vertical" requiredMark="optional" initialValues={{ orgId: me?.orgId }}>
                <Form.Item name="orgId" label={t('applicationImport.org')} extra={t('applicationImport.orgHint')} rules={[{ required: true, message: t('applicationImport.orgRequired') }]}>
                  <OrgTreeSelect activeOnly data-testid="application-import-org" />
                </Form.Item>
                <Form.Item label={t('applicationImport.file')} required validateStatus={fileError ? 'error' : undefined} help={fileError ?? undefined}>
                  <Upload.Dragger accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" multiple={false} maxCount={1} showUploadList={false} beforeUpload={choose} data-testid="application-import-file">
                    {file ? (
                      <Space orientation="vertical" size={4}>
                        <FileExcelOutlined style={{ fontSize: 40, color: '#237804' }} />
                        <Typography.Text strong>{file.name}</Typography.Text>
                        <Typography.Text type="secondary">
                          {formatFileSize(file.size)} · {t('applicationImport.replaceFile')}
                        </Typography.Text>
                      </Space>
                    ) : (
                      <Space orientation="vertical" size={4}>
                        <InboxOutlined style={{ fontSize: 40, color: '#1a5fd0' }} />
                        <Typography.Text>{t('applicationImport.chooseFile')}</Typography.Text>
                        <Typography.Text type="secondary">{t('applicationImport.fileHint')}</Typography.Text>
                      </Space>
                    )}
                  </Upload.Dragger>
                </Form.Item>
                <Button type="primary" size="large" icon={<CloudUploadOutlined />} loading={uploading} disabled={!open} onClick={() => void submit().catch(() => undefined)} data-testid="application-import-submit">
                  {t('applicationImport.submit')}
                </Button>
              </Form>
            </Col>
            <Col xs={24} lg={10}>
              <Card size="small" title={t('applicationImport.guideTitle')} style={{ background: '#f7f9fc' }} variant="borderless">
                <ol style={{ paddingInlineStart: 20, margin: '0 0 12px', lineHeight: 2 }}>
                  <li>{t('applicationImport.guide1')}</li>
                  <li>{t('applicationImport.guide2')}</li>
                  <li>{t('applicationImport.guide3')}</li>
                  <li>{t('applicationImport.guide4')}</li>
                </ol>
                <Button icon={<DownloadOutlined />} href={applicationTemplateUrl(campaign.id)} data-testid="application-import-template">
                  {t('applicationImport.template')}
                </Button>
              </Card>
            </Col>
          </Row>
        )}
        {importId && !notFound && !finished && <Running job={job} filename={imp?.filename ?? file?.name ?? ''} />}
        {imp && finished && <Finished imp={imp} onAgain={reset} />}
      </Card>
    </>
  );
}
