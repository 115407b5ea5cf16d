import { DeleteOutlined, DownloadOutlined, FileExcelOutlined, FileImageOutlined, FileOutlined, FilePdfOutlined, FileWordOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Form, Input, Modal, Select, Space, Table, Tag, Tooltip, Typography, Upload } from 'antd';
import type { UploadProps } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApplicationAttachmentKind } from '../../../../contracts/campaigns.js';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES } from '../../../../contracts/households.js';
import { isApiError } from '../../../shared/api.js';
import { formatDateTime, formatFileSize } from '../../../shared/format.js';
import { codeLabel, codeOptions } from '../campaign-labels.js';
import {
  applicationAttachmentUrl,
  useApplicationAttachments,
  useDeleteApplicationAttachment,
  useUploadApplicationAttachment,
  type ApplicationAttachment,
} from './application-attachments.api.js';
import { applicationErrorMessage } from './application-errors.js';
import { useApplication } from './applications.api.js';

const KIND_COLOR: Record<string, string> = { admission_notice: 'blue', fee_receipt: 'gold', hardship_proof: 'red', home_visit_photo: 'green', other: 'default' };
const ACCEPT = ['.jpeg', ...Object.keys(ATTACHMENT_TYPES).map((ext) => `.${ext}`)].join(',');
const ACCEPTED_NAME = /\.(pdf|jpe?g|png|webp|docx|xlsx)$/i;

function FileIcon({ mime }: { mime: string }) {
  const style = { fontSize: 16, marginInlineEnd: 6 };
  if (mime === 'application/pdf') return <FilePdfOutlined style={{ ...style, color: '#cf1322' }} />;
  if (mime.startsWith('image/')) return <FileImageOutlined style={{ ...style, color: '#1a5fd0' }} />;
  if (mime.includes('wordprocessingml')) return <FileWordOutlined style={{ ...style, color: '#1a5fd0' }} />;
  if (mime.includes('spreadsheetml')) return <FileExcelOutlined style={{ ...style, color: '#237804' }} />;
  return <FileOutlined style={style} />;
}

/** What a refused upload or deletion says: the attachment reasons in words, the rest as the application's errors. */
function attachmentErrorMessage(t: TFunction, err: unknown, name = ''): string {
  if (isApiError(err)) {
    if (err.details.reason === 'file_type') return t('applicationImport.attachments.badType', { name });
    if (err.status === 413) return t('applicationImport.attachments.tooLarge', { name });
    if (err.details.reason === 'attachment_limit') return t('applicationImport.attachments.limit');
    if (err.details.reason === 'file_missing') return t('applicationImport.attachments.fileMissing');
    if (err.details.reason === 'status') return t(err.details.status === 'draft' ? 'applicationImport.attachments.notAttachable' : 'applicationImport.attachments.draftOnly');
  }
  return applicationErrorMessage(t, err);
}

function DeleteModal({ applicationId, attachment, onClose }: { applicationId: string; attachment: ApplicationAttachment | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const remove = useDeleteApplicationAttachment(applicationId);

  const submit = async () => {
    const { reason } = await form.validateFields();
    try {
      await remove.mutateAsync({ attachmentId: attachment!.id, reason: reason.trim() });
      void message.success(t('applicationImport.attachments.deleted'));
      onClose();
    } catch (err) {
      if (isApiError(err) && err.status === 401) return;
      form.setFields([{ name: 'reason', errors: [attachmentErrorMessage(t, err)] }]);
    }
  };

  return (
    <Modal
      open={!!attachment}
      title={attachment ? t('applicationImport.attachments.deleteTitle', { name: attachment.fileName }) : ''}
      okText={t('applicationImport.attachments.delete')}
      okButtonProps={{ danger: true, 'data-testid': 'application-attachment-delete-submit' }}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={remove.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('applicationImport.attachments.deleteHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="reason" label={t('applicationImport.attachments.deleteReason')} rules={[{ required: true, whitespace: true, message: t('applicationImport.attachments.deleteReasonRequired') }]}>
          <Input.TextArea rows={2} maxLength={500} showCount placeholder={t('applicationImport.attachments.deleteReasonPlaceholder')} data-testid="application-attachment-delete-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 申请材料: the documents of an application (录取通知书, 缴费凭证, 困难证明, 入户照片). `editable` (the
 * application takes documents and the user may add them) shows the upload; a document is deleted, with
 * a reason, only while the application is a draft.
 */
export default function ApplicationAttachments({ applicationId, editable }: { applicationId: string; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message } = App.useApp();
  const { data: items = [], isLoading, error } = useApplicationAttachments(applicationId);
  const { data: application } = useApplication(applicationId);
  const upload = useUploadApplicationAttachment(applicationId);
  const [kind, setKind] = useState<string | undefined>();
  const [deleting, setDeleting] = useState<ApplicationAttachment | null>(null);
  const deletable = editable && application?.status === 'draft';

  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    if (file.size > ATTACHMENT_MAX_BYTES) {
      void message.error(t('applicationImport.attachments.tooLarge', { name: file.name }));
      return Upload.LIST_IGNORE;
    }
    if (!ACCEPTED_NAME.test(file.name)) {
      void message.error(t('applicationImport.attachments.badType', { name: file.name }));
      return Upload.LIST_IGNORE;
    }
    return true;
  };

  const customRequest: UploadProps['customRequest'] = ({ file, onSuccess, onError }) => {
    const f = file as File;
    upload.mutateAsync({ file: f, kind: kind! }).then(
      (created) => {
        void message.success(t('applicationImport.attachments.uploaded', { name: created.fileName }));
        onSuccess?.(created);
      },
      (err: unknown) => {
        if (!(isApiError(err) && err.status === 401)) void message.error(attachmentErrorMessage(t, err, f.name));
        onError?.(err as Error);
      },
    );
  };

  return (
    <div data-testid="application-attachments">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} align="start" wrap>
        <Typography.Text type="secondary" style={{ maxWidth: 640, display: 'block' }}>
          {t('applicationImport.attachments.hint')}
        </Typography.Text>
        {editable && (
          <Space.Compact>
            <Select
              value={kind}
              onChange={setKind}
              options={codeOptions(ApplicationAttachmentKind, lang)}
              placeholder={t('applicationImport.attachments.kind')}
              style={{ width: 150 }}
              aria-label={t('applicationImport.attachments.kind')}
              data-testid="application-attachment-kind"
            />
            <Tooltip title={kind ? undefined : t('applicationImport.attachments.kindRequired')}>
              <Upload accept={ACCEPT} multiple showUploadList={false} beforeUpload={beforeUpload} customRequest={customRequest} disabled={!kind}>
                <Button type="primary" icon={<UploadOutlined />} disabled={!kind} loading={upload.isPending} data-testid="application-attachment-upload">
                  {t('applicationImport.attachments.upload')}
                </Button>
              </Upload>
            </Tooltip>
          </Space.Compact>
        )}
      </Space>
      {error && <Alert type="error" showIcon title={attachmentErrorMessage(t, error)} style={{ marginBottom: 16 }} />}
      <Table<ApplicationAttachment>
        data-testid="application-attachment-table"
        rowKey="id"
        size="middle"
        loading={isLoading}
        pagination={false}
        dataSource={items}
        scroll={{ x: 860 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('applicationImport.attachments.empty')} /> }}
        footer={items.length ? () => <Typography.Text type="secondary">{t('applicationImport.attachments.count', { count: items.length })}</Typography.Text> : undefined}
        columns={[
          {
            title: t('applicationImport.attachments.kind'),
            dataIndex: 'kind',
            width: 120,
            render: (v: string) => (
              <Tag color={KIND_COLOR[v] ?? 'default'} bordered={false}>
                {codeLabel(ApplicationAttachmentKind, v, lang)}
              </Tag>
            ),
          },
          {
            title: t('applicationImport.attachments.fileName'),
            dataIndex: 'fileName',
            ellipsis: true,
            render: (v: string, a) => (
              <a href={applicationAttachmentUrl(applicationId, a.id)} download={v} data-testid="application-attachment-name">
                <FileIcon mime={a.mimeType} />
                {v}
              </a>
            ),
          },
          { title: t('applicationImport.attachments.size'), dataIndex: 'sizeBytes', width: 100, align: 'right', render: (v: number) => formatFileSize(v) },
          { title: t('applicationImport.attachments.uploadedBy'), dataIndex: 'uploadedByName', width: 130, render: (v: string | null) => v ?? '-' },
          { title: t('applicationImport.attachments.uploadedAt'), dataIndex: 'uploadedAt', width: 160, render: (v: string) => formatDateTime(v) },
          {
            title: t('applicationImport.attachments.actions'),
            key: 'actions',
            width: deletable ? 160 : 90,
            render: (_, a) => (
              <Space size={4}>
                <Button type="link" size="small" icon={<DownloadOutlined />} href={applicationAttachmentUrl(applicationId, a.id)} download={a.fileName} data-testid="application-attachment-download">
                  {t('applicationImport.attachments.download')}
                </Button>
                {deletable && (
                  <Button type="link" size="small" danger icon={<DeleteOutlined />} onClick={() => setDeleting(a)} data-testid="application-attachment-delete">
                    {t('applicationImport.attachments.delete')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editable && !deletable && items.length > 0 && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 13 }}>
          {t('applicationImport.attachments.draftOnly')}
        </Typography.Text>
      )}
      <DeleteModal applicationId={applicationId} attachment={deleting} onClose={() => setDeleting(null)} />
    </div>
  );
}
