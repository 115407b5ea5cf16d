import { ArrowLeftOutlined, CloudUploadOutlined, DownloadOutlined, FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Result, Row, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ImportError } from '../../../../contracts/households.js';
import { isApiError } from '../../../shared/api.js';
import { formatFileSize } from '../../../shared/format.js';
import { PageHeader } from '../../../shared/PageHeader.js';
import { postingErrorMessage } from './posting-view.js';
import { IMPORT_MAX_BYTES, POSTING_TEMPLATE_URL, useImportPostings, XLSX_MIME } from './postings.api.js';

/** The error report the server made (base64 .xlsx), saved by the browser. */
function downloadReport(base64: string, fileName: string) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: XLSX_MIME }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * 批量导入岗位 (/job-postings/import): one workbook on the template, each row naming its enterprise by
 * USCC, checked whole and imported all or nothing as postings awaiting review; a refused file shows
 * every cell in error and the report to download.
 */
export default function PostingImportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const run = useImportPostings();
  const result = run.data;
  const mb = IMPORT_MAX_BYTES / 1024 / 1024;

  const choose = (f: File) => {
    setFileError(f.size > IMPORT_MAX_BYTES ? t('jobs.import.tooLarge', { mb }) : null);
    setFile(f);
    return false; // kept here; sent as the raw body on submit
  };

  const submit = async () => {
    if (!file || fileError) return;
    setFailure(null);
    try {
      await run.mutateAsync(file);
    } catch (err) {
      if (isApiError(err) && err.status === 401) return;
      // A workbook refused by the upload bounds carries its reason in Chinese, naming the limit.
      const refusal = isApiError(err) ? err.details.issues?.find((i) => i.field === 'file')?.message : undefined;
      if (refusal) setFileError(refusal);
      else setFailure(postingErrorMessage(t, err));
    }
  };

  const reset = () => {
    run.reset();
    setFile(null);
    setFileError(null);
    setFailure(null);
  };

  return (
    <>
      <PageHeader
        title={t('jobs.import.title')}
        description={t('jobs.import.description')}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/job-postings')}>
            {t('jobs.detail.back')}
          </Button>
        }
      />
      <Card>
        {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
        {result?.ok && (
          <Result
            status="success"
            data-testid="posting-import-result"
            data-status="succeeded"
            title={t('jobs.import.imported', { count: result.imported })}
            extra={[
              <Button key="queue" type="primary" onClick={() => void navigate('/job-postings?status=submitted')} data-testid="posting-import-view">
                {t('jobs.title')}
              </Button>,
              <Button key="again" onClick={reset}>
                {t('jobs.importPostings')}
              </Button>,
            ]}
          />
        )}
        {result && !result.ok && (
          <div data-testid="posting-import-result" data-status="failed">
            <Alert type="error" showIcon title={t('jobs.import.failed', { count: result.errorCount })} style={{ marginBottom: 12 }} />
            <Space style={{ marginBottom: 12 }}>
              {result.reportXlsx && (
                <Button icon={<DownloadOutlined />} onClick={() => downloadReport(result.reportXlsx!, '岗位导入错误报告.xlsx')} data-testid="posting-import-report">
                  {t('jobs.import.downloadReport')}
                </Button>
              )}
              <Button onClick={reset}>{t('jobs.importPostings')}</Button>
            </Space>
            <Table<ImportError>
              data-testid="posting-import-errors"
              rowKey={(e) => `${e.sheet}-${e.row}-${e.column}-${e.reason}`}
              size="small"
              pagination={false}
              scroll={{ y: 480, x: 820 }}
              dataSource={result.errors}
              columns={[
                { title: t('jobs.import.row'), dataIndex: 'row', width: 70, align: 'right', render: (v: number) => (v > 0 ? v : '') },
                { title: t('jobs.import.column'), dataIndex: 'column', width: 180 },
                { title: t('jobs.import.value'), dataIndex: 'value', width: 220, ellipsis: true },
                { title: t('jobs.import.reason'), dataIndex: 'reason' },
              ]}
            />
          </div>
        )}
        {!result && (
          <Row gutter={32}>
            <Col xs={24} lg={14}>
              <Upload.Dragger accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" multiple={false} maxCount={1} showUploadList={false} beforeUpload={choose} data-testid="posting-import-file">
                {file ? (
                  <Space orientation="vertical" size={4}>
                    <FileExcelOutlined style={{ fontSize: 40, color: '#237804' }} />
                    <Typography.Text strong>{file.name}</Typography.Text>
                    <Typography.Text type="secondary">{formatFileSize(file.size)}</Typography.Text>
                  </Space>
                ) : (
                  <Space orientation="vertical" size={4}>
                    <InboxOutlined style={{ fontSize: 40, color: '#1a5fd0' }} />
                    <Typography.Text>{t('jobs.import.upload')}</Typography.Text>
                  </Space>
                )}
              </Upload.Dragger>
              {fileError && <Typography.Text type="danger">{fileError}</Typography.Text>}
              <div style={{ marginTop: 16 }}>
                <Button type="primary" size="large" icon={<CloudUploadOutlined />} disabled={!file || !!fileError} loading={run.isPending} onClick={() => void submit()} data-testid="posting-import-submit">
                  {t('jobs.import.upload')}
                </Button>
              </div>
            </Col>
            <Col xs={24} lg={10}>
              <Card size="small" variant="borderless" style={{ background: '#f7f9fc' }}>
                <Typography.Paragraph>{t('jobs.import.description')}</Typography.Paragraph>
                <Button icon={<DownloadOutlined />} href={POSTING_TEMPLATE_URL} data-testid="posting-import-template">
                  {t('jobs.import.template')}
                </Button>
              </Card>
            </Col>
          </Row>
        )}
      </Card>
    </>
  );
}
