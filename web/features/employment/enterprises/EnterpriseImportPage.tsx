import { ArrowLeftOutlined, CloudUploadOutlined, DownloadOutlined, FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Form, Result, Row, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { EnterpriseImportError } from '../../../../contracts/enterprises.js';
import { isApiError } from '../../../shared/api.js';
import { formatFileSize } from '../../../shared/format.js';
import { PageHeader } from '../../../shared/PageHeader.js';
import { useMe } from '../../../shared/session.js';
import { OrgTreeSelect } from '../../orgs/OrgTreeSelect.js';
import { enterpriseErrorMessage } from './enterprise-errors.js';
import { downloadReport, ENTERPRISE_TEMPLATE_URL, IMPORT_MAX_BYTES, useImportEnterprises, type EnterpriseImportResult } from './enterprises.api.js';

function ErrorTable({ result }: { result: EnterpriseImportResult }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
        {result.errorCount > result.errors.length ? t('enterprises.importPage.errorsShown', { count: result.errors.length, total: result.errorCount }) : t('enterprises.importPage.errorsAll', { count: result.errorCount })}
      </Typography.Text>
      <Table<EnterpriseImportError>
        data-testid="enterprise-import-errors"
        rowKey={(e) => `${e.sheet}-${e.row}-${e.column}-${e.reason}`}
        size="small"
        pagination={false}
        scroll={{ y: 480, x: 820 }}
        dataSource={result.errors}
        columns={[
          { title: t('enterprises.importPage.errRow'), dataIndex: 'row', width: 70, align: 'right', render: (v: number) => (v > 0 ? v : '') },
          { title: t('enterprises.importPage.errColumn'), dataIndex: 'column', width: 170 },
          { title: t('enterprises.importPage.errValue'), dataIndex: 'value', width: 220, ellipsis: true, render: (v: string) => <span className="uh-mono">{v}</span> },
          { title: t('enterprises.importPage.errReason'), dataIndex: 'reason' },
        ]}
      />
    </>
  );
}

/**
 * 批量导入用人单位 (/enterprises/import): one workbook on the template, checked whole and imported all
 * or nothing within the request; a refused file shows every cell in error and the report to download.
 */
export default function EnterpriseImportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const [form] = Form.useForm<{ orgId: string }>();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const run = useImportEnterprises();
  const result = run.data;

  const choose = (f: File) => {
    if (!/\.xlsx$/i.test(f.name)) setFileError(t('enterprises.importPage.fileType'));
    else if (f.size > IMPORT_MAX_BYTES) setFileError(t('enterprises.importPage.fileTooLarge'));
    else setFileError(null);
    setFile(f);
    return false; // kept here; sent as the raw body on submit
  };

  const reset = () => {
    run.reset();
    setFile(null);
    setFileError(null);
    setFailure(null);
  };

  const submit = async () => {
    const { orgId } = await form.validateFields();
    if (!file) return setFileError(t('enterprises.importPage.fileRequired'));
    if (fileError) return;
    setFailure(null);
    try {
      await run.mutateAsync({ file, orgId });
    } catch (err) {
      if (isApiError(err) && err.status === 401) return;
      // A workbook refused by the upload bounds carries its reason in Chinese, naming the limit.
      const refusal = isApiError(err) ? err.details.issues?.find((i) => i.field === 'file')?.message : undefined;
      if (refusal) setFileError(refusal);
      else if (isApiError(err) && (err.status === 413 || err.code === 'TOO_LARGE')) setFileError(t('enterprises.importPage.fileTooLarge'));
      else setFailure(enterpriseErrorMessage(t, err));
    }
  };

  return (
    <>
      <PageHeader
        title={t('enterprises.importPage.title')}
        description={t('enterprises.importPage.description')}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/enterprises')}>
            {t('enterprises.importPage.back')}
          </Button>
        }
      />
      <Card>
        {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
        {result?.ok && (
          <Result
            status="success"
            data-testid="enterprise-import-result"
            data-status="succeeded"
            title={t('enterprises.importPage.succeeded')}
            subTitle={t('enterprises.importPage.succeededSub', { count: result.imported })}
            extra={[
              <Button key="list" type="primary" onClick={() => void navigate('/enterprises')} data-testid="enterprise-import-view">
                {t('enterprises.importPage.viewList')}
              </Button>,
              <Button key="again" onClick={reset} data-testid="enterprise-import-again">
                {t('enterprises.importPage.again')}
              </Button>,
            ]}
          />
        )}
        {result && !result.ok && (
          <div data-testid="enterprise-import-result" data-status="failed">
            <Result
              status="error"
              title={t('enterprises.importPage.failed')}
              subTitle={t('enterprises.importPage.failedSub', { count: result.errorCount })}
              extra={[
                result.reportXlsx && (
                  <Button key="report" type="primary" icon={<DownloadOutlined />} onClick={() => downloadReport(result.reportXlsx!, t('enterprises.importPage.reportName'))} data-testid="enterprise-import-report">
                    {t('enterprises.importPage.downloadReport')}
                  </Button>
                ),
                <Button key="again" onClick={reset} data-testid="enterprise-import-again">
                  {t('enterprises.importPage.again')}
                </Button>,
              ]}
            />
            <ErrorTable result={result} />
          </div>
        )}
        {!result && (
          <Row gutter={32}>
            <Col xs={24} lg={14}>
              <Form form={form} layout="vertical" requiredMark="optional" initialValues={{ orgId: me?.orgId }}>
                <Form.Item name="orgId" label={t('enterprises.importPage.org')} extra={t('enterprises.importPage.orgHint')} rules={[{ required: true, message: t('enterprises.importPage.orgRequired') }]}>
                  <OrgTreeSelect activeOnly data-testid="enterprise-import-org" />
                </Form.Item>
                <Form.Item label={t('enterprises.importPage.file')} required validateStatus={fileError ? 'error' : undefined} help={fileError ?? undefined}>
                  <Upload.Dragger accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" multiple={false} maxCount={1} showUploadList={false} beforeUpload={choose} data-testid="enterprise-import-file">
                    {file ? (
                      <Space orientation="vertical" size={4}>
                        <FileExcelOutlined style={{ fontSize: 40, color: '#237804' }} />
                        <Typography.Text strong>{file.name}</Typography.Text>
                        <Typography.Text type="secondary">
                          {formatFileSize(file.size)} · {t('enterprises.importPage.replaceFile')}
                        </Typography.Text>
                      </Space>
                    ) : (
                      <Space orientation="vertical" size={4}>
                        <InboxOutlined style={{ fontSize: 40, color: '#1a5fd0' }} />
                        <Typography.Text>{t('enterprises.importPage.chooseFile')}</Typography.Text>
                        <Typography.Text type="secondary">{t('enterprises.importPage.fileHint')}</Typography.Text>
                      </Space>
                    )}
                  </Upload.Dragger>
                </Form.Item>
                <Button type="primary" size="large" icon={<CloudUploadOutlined />} loading={run.isPending} onClick={() => void submit().catch(() => undefined)} data-testid="enterprise-import-submit">
                  {t('enterprises.importPage.submit')}
                </Button>
              </Form>
            </Col>
            <Col xs={24} lg={10}>
              <Card size="small" title={t('enterprises.importPage.guideTitle')} style={{ background: '#f7f9fc' }} variant="borderless">
                <ol style={{ paddingInlineStart: 20, margin: '0 0 12px', lineHeight: 2 }}>
                  <li>{t('enterprises.importPage.guide1')}</li>
                  <li>{t('enterprises.importPage.guide2')}</li>
                  <li>{t('enterprises.importPage.guide3')}</li>
                  <li>{t('enterprises.importPage.guide4')}</li>
                </ol>
                <Button icon={<DownloadOutlined />} href={ENTERPRISE_TEMPLATE_URL} data-testid="enterprise-import-template">
                  {t('enterprises.importPage.template')}
                </Button>
              </Card>
            </Col>
          </Row>
        )}
      </Card>
    </>
  );
}
