import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Empty, Form, Input, Modal, Space, Table, Typography, Upload } from 'antd';
import type { ButtonProps, UploadProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_MAX_BYTES } from '../../../../contracts/households.js';
import { isApiError } from '../../../shared/api.js';
import { formatDateTime, formatFileSize } from '../../../shared/format.js';
import { policyAttachmentUrl, useDeletePolicyAttachment, usePolicyAttachments, useUploadPolicyAttachment, type PolicyAttachment } from './policies.api.js';
import { policyErrorMessage } from './policy-errors.js';

const ACCEPT = '.pdf,.jpg,.jpeg,.png,.webp,.docx';
const ACCEPTED_NAME = /\.(pdf|jpe?g|png|webp|docx)$/i;

function DeleteModal({ articleId, attachment, onClose }: { articleId: string; attachment: PolicyAttachment | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const remove = useDeletePolicyAttachment(articleId);
  const submit = async () => {
    const { reason } = await form.validateFields();
    try {
      await remove.mutateAsync({ attachmentId: attachment!.id, reason: reason.trim() });
      void message.success(t('policies.attachments.deleted'));
      onClose();
    } catch (err) {
      if (!(isApiError(err) && err.status === 401)) form.setFields([{ name: 'reason', errors: [policyErrorMessage(t, err)] }]);
    }
  };
  return (
    <Modal
      open={!!attachment}
      title={attachment ? t('policies.attachments.deleteTitle', { name: attachment.fileName }) : ''}
      okText={t('policies.attachments.delete')}
      okButtonProps={{ danger: true, 'data-testid': 'policy-attachment-delete-submit' } as ButtonProps}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={remove.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="reason" label={t('policies.attachments.deleteReason')} rules={[{ required: true, whitespace: true, message: t('policies.attachments.deleteReasonRequired') }]}>
          <Input.TextArea rows={2} maxLength={500} showCount data-testid="policy-attachment-delete-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 附件 of a policy article: upload (PDF, images, Word), download, delete with a reason. */
export function PolicyAttachments({ articleId }: { articleId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: items = [], isLoading } = usePolicyAttachments(articleId);
  const upload = useUploadPolicyAttachment(articleId);
  const [deleting, setDeleting] = useState<PolicyAttachment | null>(null);

  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    if (file.size > ATTACHMENT_MAX_BYTES) {
      void message.error(t('policies.attachments.tooLarge', { name: file.name }));
      return Upload.LIST_IGNORE;
    }
    if (!ACCEPTED_NAME.test(file.name)) {
      void message.error(t('policies.attachments.badType', { name: file.name }));
      return Upload.LIST_IGNORE;
    }
    return true;
  };
  const customRequest: UploadProps['customRequest'] = ({ file, onSuccess, onError }) => {
    const f = file as File;
    upload.mutateAsync(f).then(
      (created) => {
        void message.success(t('policies.attachments.uploaded', { name: created.fileName }));
        onSuccess?.(created);
      },
      (err: unknown) => {
        if (!(isApiError(err) && err.status === 401))
          void message.error(isApiError(err) && err.details.reason === 'file_type' ? t('policies.attachments.badType', { name: f.name }) : isApiError(err) && err.status === 413 ? t('policies.attachments.tooLarge', { name: f.name }) : policyErrorMessage(t, err));
        onError?.(err as Error);
      },
    );
  };

  return (
    <div data-testid="policy-attachments">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} align="start" wrap>
        <Typography.Text type="secondary" style={{ maxWidth: 640, display: 'block' }}>
          {t('policies.attachments.hint')}
        </Typography.Text>
        <Upload accept={ACCEPT} multiple showUploadList={false} beforeUpload={beforeUpload} customRequest={customRequest}>
          <Button type="primary" icon={<UploadOutlined />} loading={upload.isPending} data-testid="policy-attachment-upload">
            {t('policies.attachments.upload')}
          </Button>
        </Upload>
      </Space>
      <Table<PolicyAttachment>
        rowKey="id"
        size="middle"
        loading={isLoading}
        pagination={false}
        dataSource={items}
        scroll={{ x: 760 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('policies.attachments.empty')} /> }}
        columns={[
          {
            title: t('policies.attachments.fileName'),
            dataIndex: 'fileName',
            ellipsis: true,
            render: (v: string, a) => (
              <a href={policyAttachmentUrl(articleId, a.id)} download={v} data-testid="policy-attachment-name">
                {v}
              </a>
            ),
          },
          { title: t('policies.attachments.size'), dataIndex: 'sizeBytes', width: 100, align: 'right', render: (v: number) => formatFileSize(v) },
          { title: t('policies.attachments.uploadedBy'), dataIndex: 'uploadedByName', width: 120, render: (v: string | null) => v ?? '-' },
          { title: t('policies.attachments.uploadedAt'), dataIndex: 'uploadedAt', width: 160, render: (v: string) => formatDateTime(v) },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 170,
            render: (_, a) => (
              <Space size={4}>
                <Button type="link" size="small" icon={<DownloadOutlined />} href={policyAttachmentUrl(articleId, a.id)} download={a.fileName}>
                  {t('policies.attachments.download')}
                </Button>
                <Button type="link" size="small" danger icon={<DeleteOutlined />} onClick={() => setDeleting(a)} data-testid="policy-attachment-delete">
                  {t('policies.attachments.delete')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <DeleteModal articleId={articleId} attachment={deleting} onClose={() => setDeleting(null)} />
    </div>
  );
}
