import { DeleteOutlined, DownloadOutlined, FileExcelOutlined, FileImageOutlined, FileOutlined, FilePdfOutlined, FileWordOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Form, Input, Modal, Select, Space, Table, Tooltip, Typography, Upload } from 'antd';
import type { UploadProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, AttachmentKind } from '../../../contracts/households.js';
import { useCan } from '../../shared/session.js';
import { isApiError } from '../../shared/api.js';
import { formatDateTime, formatFileSize } from '../../shared/format.js';
import { householdErrorMessage, useReportHouseholdError } from './household-errors.js';
import { codeLabel, codeOptions } from './household-labels.js';
import { SoftTag } from './HouseholdStatusTag.js';
import { IdProofDownloadModal } from './IdProofDownloadModal.js';
import {
  attachmentContentUrl,
  useDeleteAttachment,
  useHouseholdAttachments,
  useUploadAttachment,
  type HouseholdAttachment,
  type HouseholdDetail,
} from './households.api.js';

const KIND_COLOR: Record<string, string> = { id_proof: 'blue', income_proof: 'gold', medical_record: 'red', home_visit_photo: 'green', other: 'default' };
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

function DeleteModal({ householdId, attachment, onClose }: { householdId: string; attachment: HouseholdAttachment | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useReportHouseholdError();
  const [form] = Form.useForm<{ reason: string }>();
  const remove = useDeleteAttachment(householdId);

  const submit = async () => {
    const { reason } = await form.validateFields();
    try {
      await remove.mutateAsync({ attachmentId: attachment!.id, reason: reason.trim() });
      void message.success(t('households.attachments.deleted'));
      onClose();
    } catch (err) {
      reportError(err, { instance: form, isField: (p) => p.length === 1 && p[0] === 'reason' });
    }
  };

  return (
    <Modal
      open={!!attachment}
      title={attachment ? t('households.attachments.deleteTitle', { name: attachment.fileName }) : ''}
      okText={t('households.attachments.delete')}
      okButtonProps={{ danger: true, 'data-testid': 'attachment-delete-submit' }}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={remove.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('households.attachments.deleteHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={t('households.attachments.deleteReason')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('households.attachments.deleteReason') }) }]}
        >
          <Input.TextArea rows={2} maxLength={500} showCount placeholder={t('households.attachments.deleteReasonPlaceholder')} data-testid="attachment-delete-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 附件: documents of the household, uploaded as raw files (type checked by the server from the bytes). */
export function AttachmentsTab({ h }: { h: HouseholdDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message } = App.useApp();
  const can = useCan();
  const canEdit = can('household.update');
  const { data: items = [], isLoading, error } = useHouseholdAttachments(h.id);
  const upload = useUploadAttachment(h.id);
  const [kind, setKind] = useState<string | undefined>();
  const [deleting, setDeleting] = useState<HouseholdAttachment | null>(null);
  const [downloadingIdProof, setDownloadingIdProof] = useState<HouseholdAttachment | null>(null);
  // An ID scan shows the full number: like revealing it, it needs household.reveal and a reason.
  const isIdProof = (a: HouseholdAttachment) => a.kind === 'id_proof';
  const canReveal = can('household.reveal');

  const uploadError = (name: string, err: unknown) => {
    if (isApiError(err) && err.details.reason === 'file_type') return t('households.attachments.badType', { name });
    if (isApiError(err) && err.status === 413) return t('households.attachments.tooLarge', { name });
    return householdErrorMessage(t, err);
  };

  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    if (file.size > ATTACHMENT_MAX_BYTES) {
      void message.error(t('households.attachments.tooLarge', { name: file.name }));
      return Upload.LIST_IGNORE;
    }
    if (!ACCEPTED_NAME.test(file.name)) {
      void message.error(t('households.attachments.badType', { name: file.name }));
      return Upload.LIST_IGNORE;
    }
    return true;
  };

  const customRequest: UploadProps['customRequest'] = ({ file, onSuccess, onError }) => {
    const f = file as File;
    upload.mutateAsync({ file: f, kind: kind! }).then(
      (created) => {
        void message.success(t('households.attachments.uploaded', { name: created.fileName }));
        onSuccess?.(created);
      },
      (err: unknown) => {
        void message.error(uploadError(f.name, err));
        onError?.(err as Error);
      },
    );
  };

  return (
    <div data-testid="household-attachments">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} align="start" wrap>
        <Typography.Text type="secondary" style={{ maxWidth: 640, display: 'block' }}>
          {t('households.attachments.hint')}
        </Typography.Text>
        {canEdit && (
          <Space.Compact>
            <Select
              value={kind}
              onChange={setKind}
              options={codeOptions(AttachmentKind, lang)}
              placeholder={t('households.attachments.kind')}
              style={{ width: 140 }}
              aria-label={t('households.attachments.kind')}
              data-testid="attachment-kind"
            />
            <Upload accept={ACCEPT} multiple showUploadList={false} beforeUpload={beforeUpload} customRequest={customRequest} disabled={!kind}>
              <Button type="primary" icon={<UploadOutlined />} disabled={!kind} loading={upload.isPending} data-testid="attachment-upload">
                {t('households.attachments.upload')}
              </Button>
            </Upload>
          </Space.Compact>
        )}
      </Space>
      {error && <Alert type="error" showIcon title={householdErrorMessage(t, error)} style={{ marginBottom: 16 }} />}
      <Table<HouseholdAttachment>
        data-testid="attachment-table"
        rowKey="id"
        size="middle"
        loading={isLoading}
        pagination={false}
        dataSource={items}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('households.attachments.empty')} /> }}
        footer={items.length ? () => <Typography.Text type="secondary">{t('households.attachments.count', { count: items.length })}</Typography.Text> : undefined}
        columns={[
          {
            title: t('households.attachments.kind'),
            dataIndex: 'kind',
            width: 120,
            render: (v: string) => <SoftTag color={KIND_COLOR[v] ?? 'default'}>{codeLabel(AttachmentKind, v, lang)}</SoftTag>,
          },
          {
            title: t('households.attachments.fileName'),
            dataIndex: 'fileName',
            ellipsis: true,
            render: (v: string, a) => {
              const name = (
                <>
                  <FileIcon mime={a.mimeType} />
                  {v}
                </>
              );
              if (!isIdProof(a))
                return (
                  <a href={attachmentContentUrl(h.id, a.id)} download={v} data-testid="attachment-name">
                    {name}
                  </a>
                );
              if (!canReveal) return <span data-testid="attachment-name">{name}</span>;
              return (
                <Typography.Link onClick={() => setDownloadingIdProof(a)} data-testid="attachment-name">
                  {name}
                </Typography.Link>
              );
            },
          },
          { title: t('households.attachments.size'), dataIndex: 'sizeBytes', width: 100, align: 'right', render: (v: number) => formatFileSize(v) },
          { title: t('households.attachments.uploadedBy'), dataIndex: 'uploadedByName', width: 130, render: (v: string | null) => v ?? '-' },
          { title: t('households.attachments.uploadedAt'), dataIndex: 'uploadedAt', width: 150, render: (v: string) => formatDateTime(v) },
          {
            title: t('common.actions'),
            key: 'actions',
            width: canEdit ? 150 : 80,
            render: (_, a) => (
              <Space size={4}>
                {!isIdProof(a) ? (
                  <Button type="link" size="small" icon={<DownloadOutlined />} href={attachmentContentUrl(h.id, a.id)} download={a.fileName} data-testid="attachment-download">
                    {t('households.attachments.download')}
                  </Button>
                ) : canReveal ? (
                  <Button type="link" size="small" icon={<DownloadOutlined />} onClick={() => setDownloadingIdProof(a)} data-testid="attachment-download">
                    {t('households.attachments.download')}
                  </Button>
                ) : (
                  <Tooltip title={t('households.attachments.idProof.noPermission')}>
                    <Button type="link" size="small" icon={<DownloadOutlined />} disabled data-testid="attachment-download">
                      {t('households.attachments.download')}
                    </Button>
                  </Tooltip>
                )}
                {canEdit && (
                  <Button type="link" size="small" danger icon={<DeleteOutlined />} onClick={() => setDeleting(a)} style={{ color: '#cf1322' }} data-testid="attachment-delete">
                    {t('households.attachments.delete')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <DeleteModal householdId={h.id} attachment={deleting} onClose={() => setDeleting(null)} />
      <IdProofDownloadModal householdId={h.id} attachment={downloadingIdProof} onClose={() => setDownloadingIdProof(null)} />
    </div>
  );
}
