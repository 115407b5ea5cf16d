import { FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Form, Modal, Row, Space, Statistic, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, type FieldIssue } from '../../../shared/api.js';
import { formatFileSize, formatYuan } from '../../../shared/format.js';
import { useReportError } from '../../../shared/useReportError.js';
import { useIdempotencyKey } from '../idempotency-key.js';
import { paymentErrorMessage, resultIssueText } from './payment-view.js';
import { RESULT_MAX_BYTES, useImportBankResults, type BankResults } from './payments.api.js';

/** 导入银行回执: the bank's result file (.xlsx) as the raw body; the counts it settled, or every problem the server found in it. */
export function BankResultsModal({ batchId, open, onClose }: { batchId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const importResults = useImportBankResults(batchId);
  const reportError = useReportError(paymentErrorMessage);
  const idempotency = useIdempotencyKey();
  const { renew } = idempotency;
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [results, setResults] = useState<BankResults | null>(null);

  useEffect(() => {
    if (!open) return;
    renew();
    setFile(null);
    setFileError(null);
    setIssues([]);
    setResults(null);
  }, [open, renew]);

  const choose = (f: File) => {
    if (!/\.xlsx$/i.test(f.name)) setFileError(t('payments.results.fileType'));
    else if (f.size > RESULT_MAX_BYTES) setFileError(t('payments.results.fileTooLarge'));
    else setFileError(null);
    setFile(f);
    setIssues([]);
    renew(); // another file is another request
    return false; // kept here; sent as the raw body on submit
  };

  const submit = async () => {
    if (!file) return setFileError(t('payments.results.fileRequired'));
    if (fileError) return;
    try {
      setResults(await importResults.mutateAsync({ key: idempotency.key, file }));
    } catch (err) {
      idempotency.settle(err);
      const found = isApiError(err) && err.code === 'VALIDATION' ? (err.details.issues ?? []) : [];
      if (found.length) setIssues(found);
      else if (isApiError(err) && (err.status === 413 || err.code === 'TOO_LARGE')) setFileError(t('payments.results.fileTooLarge'));
      else reportError(err);
    }
  };

  const footer = results ? (
    <Button type="primary" onClick={onClose} data-testid="payment-results-close">
      {t('common.close')}
    </Button>
  ) : (
    <Space>
      <Button onClick={onClose}>{t('common.cancel')}</Button>
      <Button type="primary" loading={importResults.isPending} onClick={() => void submit()} data-testid="payment-results-submit">
        {t('payments.results.submit')}
      </Button>
    </Space>
  );

  return (
    <Modal open={open} title={t('payments.results.title')} onCancel={onClose} footer={footer} width={640} destroyOnHidden data-testid="payment-results-modal">
      {results ? (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="payment-results-done">
          <Alert type="success" showIcon title={t('payments.results.done')} />
          <Row gutter={16}>
            <Col span={8}>
              <Statistic title={t('payments.results.confirmed')} value={t('payments.figures.count', { n: results.confirmed })} data-testid="payment-results-confirmed" />
            </Col>
            <Col span={8}>
              <Statistic title={t('payments.results.failed')} value={t('payments.figures.count', { n: results.failed })} data-testid="payment-results-failed" />
            </Col>
            <Col span={8}>
              <Statistic title={t('payments.results.returnedFen')} value={formatYuan(results.returnedFen)} data-testid="payment-results-returned" />
            </Col>
          </Row>
        </Space>
      ) : (
        <>
          <Alert type="info" showIcon title={t('payments.results.hint')} style={{ marginBottom: 16 }} />
          <Form layout="vertical">
            <Form.Item validateStatus={fileError ? 'error' : undefined} help={fileError ?? undefined}>
              <Upload.Dragger accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" multiple={false} maxCount={1} showUploadList={false} beforeUpload={choose} data-testid="payment-results-file">
                {file ? (
                  <Space orientation="vertical" size={4}>
                    <FileExcelOutlined style={{ fontSize: 36, color: '#237804' }} />
                    <Typography.Text strong>{file.name}</Typography.Text>
                    <Typography.Text type="secondary">
                      {formatFileSize(file.size)} · {t('payments.results.replaceFile')}
                    </Typography.Text>
                  </Space>
                ) : (
                  <Space orientation="vertical" size={4}>
                    <InboxOutlined style={{ fontSize: 36, color: '#1a5fd0' }} />
                    <Typography.Text>{t('payments.results.chooseFile')}</Typography.Text>
                    <Typography.Text type="secondary">{t('payments.results.fileHint')}</Typography.Text>
                  </Space>
                )}
              </Upload.Dragger>
            </Form.Item>
          </Form>
          {issues.length > 0 && (
            <Alert
              type="error"
              showIcon
              title={t('payments.results.problems', { count: issues.length })}
              description={
                <ul style={{ margin: 0, paddingLeft: 20, maxHeight: 240, overflowY: 'auto' }} data-testid="payment-results-issues">
                  {issues.map((i, n) => (
                    <li key={n}>{resultIssueText(i)}</li>
                  ))}
                </ul>
              }
            />
          )}
        </>
      )}
    </Modal>
  );
}
