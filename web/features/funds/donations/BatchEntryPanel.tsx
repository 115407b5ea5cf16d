import { DeleteOutlined, DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Form, Input, Result, Select, Space, Table, Typography, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState, type ClipboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DONATION_BATCH_MAX_ROWS, DonationChannel } from '../../../../contracts/donations.js';
import { isApiError } from '../../../shared/api.js';
import { codeOptions } from '../../../shared/code-labels.js';
import { formatYuan } from '../../../shared/format.js';
import { useReportError } from '../../../shared/useReportError.js';
import { checkRows, emptyRows, rowErrorsFromIssues, rowsFromPaste, rowsFromSheet, tooManyRows, type BatchRow, type RowError, type RowField } from './batch-rows.js';
import { useIdempotencyKey } from './donation-idempotency.js';
import { donationErrorMessage } from './donation-errors.js';
import { templateUrl, useParseSheet, useRecordBatch, type BatchResult, type DriveDto, type SheetError } from './donations.api.js';
import './donations.css';
import { chinaToday } from '../../../shared/china-today.js';

const PAGE_SIZE = 50;
const noFuture = (d: Dayjs) => d.isAfter(chinaToday(), 'day');

/**
 * 集体捐款录入: a table of staff and amounts, typed in (or pasted from a spreadsheet) or read from an
 * .xlsx with its error report shown, then entered in one go: all rows or none, one receipt each.
 */
export function BatchEntryPanel({ drive }: { drive: DriveDto }) {
  const { t, i18n } = useTranslation();
  const { modal, message } = App.useApp();
  const [rows, setRows] = useState<BatchRow[]>(() => emptyRows(10));
  const [channel, setChannel] = useState('cash');
  const [receivedOn, setReceivedOn] = useState<Dayjs>(() => chinaToday());
  const [errors, setErrors] = useState<Map<string, RowError[]>>(new Map());
  const [sheetErrors, setSheetErrors] = useState<SheetError[] | null>(null);
  const [imported, setImported] = useState<number | null>(null);
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<BatchResult | null>(null);
  const parse = useParseSheet(drive.id);
  const record = useRecordBatch(drive.id);
  const reportError = useReportError(donationErrorMessage);
  const idempotency = useIdempotencyKey();
  const checked = useMemo(() => checkRows(rows), [rows]);

  const setCell = (key: string, field: RowField, value: string) => {
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, [field]: value } : r)));
    if (errors.has(key)) setErrors((es) => new Map([...es].filter(([k]) => k !== key)));
  };

  // Cells copied from Excel (several rows, tab-separated) fill the table from the row pasted into.
  const pasteAt = (index: number) => (e: ClipboardEvent<HTMLInputElement>) => {
    const text = e.clipboardData.getData('text');
    if (!/[\t\n]/.test(text)) return;
    e.preventDefault();
    const pasted = rowsFromPaste(text);
    setRows((rs) => {
      const next = [...rs];
      next.splice(index, Math.min(pasted.length, next.length - index), ...pasted);
      return next;
    });
  };

  const importFile = async (file: File) => {
    try {
      const parsed = await parse.mutateAsync(file);
      setSheetErrors(parsed.errors);
      setImported(parsed.rows.length);
      if (parsed.rows.length) {
        setRows(rowsFromSheet(parsed.rows));
        setErrors(new Map());
        setPage(1);
      }
    } catch (err) {
      reportError(err);
    }
    return false;
  };

  const problemText = (e: RowError) => e.message ?? t(`donations.batch.${e.problem ?? 'amountInvalid'}`);
  const cellErrors = (key: string, field: RowField) => (errors.get(key) ?? []).filter((e) => e.field === field);
  const cell = (r: BatchRow, index: number, field: RowField, width?: number) => {
    const problems = cellErrors(r.key, field);
    return (
      <>
        <Input
          value={r[field]}
          status={problems.length ? 'error' : undefined}
          onChange={(e) => setCell(r.key, field, e.target.value)}
          onPaste={field === 'name' ? pasteAt(index) : undefined}
          inputMode={field === 'amount' ? 'decimal' : undefined}
          maxLength={field === 'amount' ? 20 : 100}
          style={width ? { width } : undefined}
          data-testid={`batch-${field}-${index}`}
        />
        {problems.map((p, i) => (
          <Typography.Text key={i} type="danger" style={{ fontSize: 12, display: 'block' }}>
            {problemText(p)}
          </Typography.Text>
        ))}
      </>
    );
  };

  const submit = () => {
    const local = checkRows(rows);
    if (local.errors.size) {
      setErrors(local.errors);
      void message.error(t('donations.batch.rowErrors', { count: local.errors.size }));
      return;
    }
    if (!local.rows.length) return void message.error(t('donations.batch.empty'));
    if (tooManyRows(local)) return void message.error(t('donations.batch.tooMany', { max: DONATION_BATCH_MAX_ROWS }));
    modal.confirm({
      title: t('donations.batch.confirmTitle'),
      content: t('donations.batch.confirm', { count: local.rows.length, amount: formatYuan(local.totalFen) }),
      okText: t('donations.batch.submit'),
      onOk: async () => {
        try {
          const done = await record.mutateAsync({
            key: idempotency.key,
            body: { channel, receivedOn: receivedOn.format('YYYY-MM-DD'), rows: local.rows.map(({ donorName, donorUnit, amountFen }) => ({ donorName, donorUnit, amountFen })) },
          });
          setResult(done);
          idempotency.renew();
        } catch (err) {
          idempotency.settle(err);
          const fromServer = isApiError(err) && err.details.issues ? rowErrorsFromIssues(err.details.issues, local.rows.map((r) => r.key)) : new Map<string, RowError[]>();
          if (fromServer.size) setErrors(fromServer);
          if (fromServer.size) void message.error(t('donations.batch.rowErrors', { count: fromServer.size }));
          else reportError(err);
        }
      },
    });
  };

  if (result)
    return (
      <Result
        status="success"
        title={t('donations.batch.done', { count: result.count, amount: formatYuan(result.totalFen), first: result.firstReceiptNo, last: result.lastReceiptNo })}
        data-testid="batch-done"
        extra={
          <Button
            type="primary"
            data-testid="batch-again"
            onClick={() => {
              setResult(null);
              setRows(emptyRows(10));
              setSheetErrors(null);
              setImported(null);
            }}
          >
            {t('donations.batch.again')}
          </Button>
        }
      />
    );

  const errorRows = rows.map((r, i) => ({ r, i })).filter(({ r }) => errors.has(r.key));
  return (
    <div data-testid="batch-panel">
      <Typography.Paragraph type="secondary">{t('donations.batch.intro')}</Typography.Paragraph>
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label={t('donations.batch.channel')}>
          <Select value={channel} onChange={setChannel} options={codeOptions(DonationChannel, i18n.language)} style={{ width: 160 }} data-testid="batch-channel" />
        </Form.Item>
        <Form.Item label={t('donations.batch.receivedOn')}>
          <DatePicker value={receivedOn} onChange={(d) => d && setReceivedOn(d)} disabledDate={noFuture} allowClear={false} data-testid="batch-date" />
        </Form.Item>
        <Form.Item>
          <Space wrap>
            <Button icon={<DownloadOutlined />} href={templateUrl(drive.id)} data-testid="batch-template">
              {t('donations.batch.template')}
            </Button>
            <Upload accept=".xlsx" showUploadList={false} beforeUpload={(file) => importFile(file)}>
              <Button icon={<UploadOutlined />} loading={parse.isPending} data-testid="batch-import">
                {t('donations.batch.import')}
              </Button>
            </Upload>
          </Space>
        </Form.Item>
      </Form>

      {imported !== null && sheetErrors && (
        <Alert
          style={{ marginBottom: 12 }}
          type={sheetErrors.length ? 'warning' : 'success'}
          showIcon
          data-testid="batch-import-report"
          title={sheetErrors.length ? t('donations.batch.importErrors', { count: sheetErrors.length }) : t('donations.batch.imported', { rows: imported })}
          description={
            sheetErrors.length > 0 && (
              <>
                {imported > 0 && <div style={{ marginBottom: 8 }}>{t('donations.batch.imported', { rows: imported })}</div>}
                <Table<SheetError>
                  size="small"
                  rowKey={(e, i) => `${e.row}-${e.column}-${i}`}
                  dataSource={sheetErrors}
                  pagination={sheetErrors.length > 10 ? { pageSize: 10, size: 'small' } : false}
                  columns={[
                    { title: t('donations.batch.report.sheetRow'), dataIndex: 'row', width: 90 },
                    { title: t('donations.batch.report.column'), dataIndex: 'column', width: 110 },
                    { title: t('donations.batch.report.value'), dataIndex: 'value', width: 140 },
                    { title: t('donations.batch.report.reason'), dataIndex: 'reason' },
                  ]}
                />
              </>
            )
          }
        />
      )}

      {errorRows.length > 0 && (
        <Alert
          style={{ marginBottom: 12 }}
          type="error"
          showIcon
          data-testid="batch-row-errors"
          title={t('donations.batch.rowErrors', { count: errorRows.length })}
          description={errorRows.slice(0, 10).map(({ r, i }) => (
            <div key={r.key}>
              {t('donations.batch.rowProblems', { no: i + 1, problems: (errors.get(r.key) ?? []).map(problemText).join(t('donations.batch.problemSeparator')) })}
            </div>
          ))}
        />
      )}

      <Table<BatchRow>
        className="uh-batch-table"
        rowKey="key"
        size="small"
        dataSource={rows}
        data-testid="batch-table"
        pagination={rows.length > PAGE_SIZE ? { current: page, pageSize: PAGE_SIZE, showSizeChanger: false, onChange: setPage } : false}
        columns={[
          { title: t('donations.batch.columns.no'), width: 64, render: (_, __, i) => <div style={{ lineHeight: '32px' }}>{(page - 1) * PAGE_SIZE + i + 1}</div> },
          { title: t('donations.batch.columns.name'), width: 200, render: (_, r, i) => cell(r, (page - 1) * PAGE_SIZE + i, 'name') },
          { title: t('donations.batch.columns.unit'), render: (_, r, i) => cell(r, (page - 1) * PAGE_SIZE + i, 'unit') },
          { title: t('donations.batch.columns.amount'), width: 180, render: (_, r, i) => cell(r, (page - 1) * PAGE_SIZE + i, 'amount', 150) },
          {
            title: '',
            width: 48,
            render: (_, r) => <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={t('donations.batch.clear')} onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))} />,
          },
        ]}
      />
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginTop: 12, gap: 12, flexWrap: 'wrap' }}>
        <Space>
          <Button icon={<PlusOutlined />} onClick={() => setRows((rs) => [...rs, ...emptyRows(10)])} data-testid="batch-add-rows">
            {t('donations.batch.addRows')}
          </Button>
          <Button
            onClick={() =>
              modal.confirm({
                title: t('donations.batch.clearConfirm'),
                onOk: () => {
                  setRows(emptyRows(10));
                  setErrors(new Map());
                  setPage(1);
                },
              })
            }
          >
            {t('donations.batch.clear')}
          </Button>
        </Space>
        <Space>
          <Typography.Text strong data-testid="batch-summary">
            {t('donations.batch.summary', { count: checked.rows.length, amount: formatYuan(checked.totalFen) })}
          </Typography.Text>
          <Button type="primary" onClick={submit} loading={record.isPending} disabled={drive.status !== 'open'} data-testid="batch-submit">
            {t('donations.batch.submit')}
          </Button>
        </Space>
      </div>
    </div>
  );
}
