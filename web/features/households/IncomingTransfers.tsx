import { SwapOutlined } from '@ant-design/icons';
import { App, Badge, Button, Empty, Modal, Popconfirm, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format.js';
import { useReportHouseholdError } from './household-errors.js';
import { useDecideTransfer, useIncomingTransfers, type IncomingTransfer } from './households.api.js';

/** 待接收的转移: households other unions asked an org in this subtree to take over. */
export function IncomingTransfersButton() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useReportHouseholdError();
  const [open, setOpen] = useState(false);
  const { data, isFetching } = useIncomingTransfers(true);
  const decide = useDecideTransfer();
  const count = data?.length ?? 0;

  const run = async (tr: IncomingTransfer, accept: boolean) => {
    try {
      await decide.mutateAsync({ id: tr.id, accept });
      void message.success(t(accept ? 'households.transfer.accepted' : 'households.transfer.declined', { caseNo: tr.caseNo }));
    } catch (err) {
      reportError(err);
    }
  };

  return (
    <>
      <Badge count={count} size="small" offset={[-4, 2]}>
        <Button icon={<SwapOutlined />} onClick={() => setOpen(true)} data-testid="household-incoming-transfers">
          {t('households.transfer.incoming')}
        </Button>
      </Badge>
      <Modal
        open={open}
        title={t('households.transfer.incomingTitle')}
        onCancel={() => setOpen(false)}
        footer={<Button onClick={() => setOpen(false)}>{t('common.close')}</Button>}
        width={960}
      >
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t('households.transfer.incomingHint')}
        </Typography.Paragraph>
        <Table<IncomingTransfer>
          rowKey="id"
          size="small"
          loading={isFetching}
          dataSource={data ?? []}
          pagination={false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('households.transfer.none')} /> }}
          columns={[
            { title: t('households.fields.caseNo'), dataIndex: 'caseNo', width: 170, render: (v: string) => <span className="uh-mono">{v}</span> },
            { title: t('households.fields.name'), dataIndex: 'name', width: 100 },
            { title: t('households.transfer.toOrg'), dataIndex: 'toOrgName', width: 180, ellipsis: true },
            { title: t('households.reason.transfer'), dataIndex: 'reason', ellipsis: true },
            { title: t('households.transfer.requestedAt'), dataIndex: 'requestedAt', width: 140, render: (v: string) => formatDateTime(v) },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 130,
              render: (_, tr) => (
                <Space size={0}>
                  <Popconfirm
                    title={t('households.transfer.acceptConfirm', { caseNo: tr.caseNo, name: tr.name, org: tr.toOrgName })}
                    okText={t('households.transfer.accept')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => run(tr, true)}
                  >
                    <Button type="link" size="small" data-testid="household-transfer-accept">
                      {t('households.transfer.accept')}
                    </Button>
                  </Popconfirm>
                  <Popconfirm
                    title={t('households.transfer.declineConfirm', { caseNo: tr.caseNo, name: tr.name })}
                    okText={t('households.transfer.decline')}
                    okButtonProps={{ danger: true }}
                    cancelText={t('common.cancel')}
                    onConfirm={() => run(tr, false)}
                  >
                    <Button type="link" size="small" danger data-testid="household-transfer-decline">
                      {t('households.transfer.decline')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Modal>
    </>
  );
}
