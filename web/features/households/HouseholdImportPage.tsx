import { ArrowLeftOutlined, CloudUploadOutlined, DownloadOutlined, FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, Progress, Result, Row, Space, Steps, Switch, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCan, useMe } from '../../app/session.js';
import { isApiError } from '../../shared/api.js';
import { PageHeader } from '../../shared/PageHeader.js';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect.js';
import { householdErrorMessage } from './household-errors.js';
import { isImportFinished, startImport, useImportJob, type ImportError, type ImportJob } from './households.api.js';

const MAX_BYTES = 40 * 1024 * 1024;

interface ImportValues {
  orgId: string;
  asArchived: boolean;
}

function fileSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** How far a running job is: reading rows, then checking the archive, then writing (the only phase with a known total). */
function progressOf(job: ImportJob | undefined): { percent: number; phase: 'queued' | 'validating' | 'checking_archive' | 'writing' } {
  const p = job?.progress;
  if (!p) return { percent: 5, phase: 'queued' };
  if (p.phase === 'validating') return { percent: 10 + Math.min(30, Math.floor(p.rowsRead / 200)), phase: 'validating' };
  if (p.phase === 'checking_archive') return { percent: 50, phase: 'checking_archive' };
  const total = p.totalHouseholds ?? 0;
  return { percent: 60 + (total ? Math.floor((39 * (p.written ?? 0)) / total) : 0), phase: 'writing' };
}

function Running({ job, filename }: { job: ImportJob | undefined; filename: string }) {
  const { t } = useTranslation();
  const { percent, phase } = progressOf(job);
  const p = job?.progress;
  return (
    <div style={{ maxWidth: 640, margin: '24px auto', textAlign: 'center' }} data-testid="import-progress">
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t(`households.import.phase.${phase}`)}
      </Typography.Title>
      <Progress percent={percent} status="active" strokeColor="#1a5fd0" />
      <Space orientation="vertical" size={4} style={{ marginTop: 12 }}>
        <Typography.Text type="secondary">{t('households.import.processing', { filename })}</Typography.Text>
        {p && (
          <Typography.Text type="secondary">
            {p.phase === 'writing' && p.totalHouseholds
              ? t('households.import.written', { written: p.written ?? 0, total: p.totalHouseholds })
              : t('households.import.rowsRead', { count: p.rowsRead })}
          </Typography.Text>
        )}
      </Space>
      <Steps
        size="small"
        style={{ marginTop: 32, textAlign: 'start' }}
        current={phase === 'writing' ? 2 : phase === 'checking_archive' ? 1 : 0}
        items={[
          { title: t('households.import.phase.validating') },
          { title: t('households.import.phase.checking_archive') },
          { title: t('households.import.phase.writing') },
        ]}
      />
    </div>
  );
}

function Failed({ job, onAgain }: { job: ImportJob; onAgain: () => void }) {
  const { t } = useTranslation();
  return (
    <div data-testid="import-result">
      <Result
        status="error"
        title={t('households.import.failed')}
        subTitle={job.message && job.errorCount === 0 ? t('households.import.stopped') : t('households.import.failedSub', { count: job.errorCount })}
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
      title={t('households.import.succeeded')}
      subTitle={t('households.import.succeededSub', { households: job.importedHouseholds, members: job.importedMembers, rows: job.totalRows, org: job.orgName })}
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

/** 批量导入: one workbook, checked whole, written in one transaction or not at all. */
export default function HouseholdImportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const can = useCan();
  const { data: me } = useMe();
  const [form] = Form.useForm<ImportValues>();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | undefined>();
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
      if (isApiError(err) && err.code === 'VALIDATION' && err.details.issues?.some((i) => i.field === 'file')) setFileError(t('households.import.notXlsx'));
      else if (isApiError(err) && err.code === 'LIMIT_EXCEEDED') setFileError(t('households.import.fileTooLarge'));
      else void message.error(householdErrorMessage(t, err));
    } finally {
      setUploading(false);
    }
  };

  const current = !jobId ? 0 : job?.status === 'succeeded' ? 3 : finished ? 2 : 1;

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
          status={job?.status === 'failed' ? 'error' : undefined}
          items={[{ title: t('households.import.stepPrepare') }, { title: t('households.import.stepProcess') }, { title: t('households.import.stepResult') }]}
        />
      </Card>
      <Card>
        {jobError && <Alert type="error" showIcon title={householdErrorMessage(t, jobError)} style={{ marginBottom: 16 }} />}
        {!jobId && (
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
        {jobId && !finished && <Running job={job} filename={file?.name ?? ''} />}
        {job && job.status === 'failed' && <Failed job={job} onAgain={reset} />}
        {job && job.status === 'succeeded' && <Succeeded job={job} onAgain={reset} />}
      </Card>
    </>
  );
}
