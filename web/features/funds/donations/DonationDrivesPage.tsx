import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatYuan } from '../../../shared/format.js';
import { PageHeader } from '../../../shared/PageHeader.js';
import { useCan } from '../../../shared/session.js';
import { CreateDriveModal } from './CreateDriveModal.js';
import { useDrives, type DriveDto } from './donations.api.js';
import { DriveProgress } from './DriveProgress.js';

/** 募捐活动: the drives of the user's subtree with their progress; a new drive. */
export default function DonationDrivesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const { data, isLoading } = useDrives();
  return (
    <>
      <PageHeader
        title={t('donations.title')}
        description={t('donations.description')}
        extra={
          can('fund.post') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="drive-new">
              {t('donations.newDrive')}
            </Button>
          )
        }
      />
      <Card>
        <Table<DriveDto>
          rowKey="id"
          loading={isLoading}
          dataSource={data?.items ?? []}
          pagination={false}
          scroll={{ x: 1000 }}
          locale={{ emptyText: t('donations.empty') }}
          data-testid="drives-table"
          columns={[
            { title: t('donations.fields.name'), dataIndex: 'name', width: 280, render: (v: string, d) => <Link to={`/donation-drives/${d.id}`}>{v}</Link> },
            { title: t('donations.fields.org'), dataIndex: 'orgName', width: 180 },
            { title: t('donations.fields.dates'), width: 210, render: (_, d) => `${d.startsOn} ~ ${d.endsOn}` },
            { title: t('donations.fields.goal'), dataIndex: 'goalFen', width: 140, align: 'right', render: (v: number) => formatYuan(v) },
            { title: t('donations.fields.raised'), dataIndex: 'raisedFen', width: 140, align: 'right', render: (v: number) => formatYuan(v) },
            { title: t('donations.fields.progress'), dataIndex: 'progressPercent', width: 170, render: (v: number) => <DriveProgress percent={v} size="small" /> },
            { title: t('donations.fields.count'), dataIndex: 'donationCount', width: 90, align: 'right' },
            { title: t('donations.fields.status'), dataIndex: 'status', width: 90, render: (v: DriveDto['status']) => <Tag color={v === 'open' ? 'red' : 'default'}>{t(`donations.status.${v}`)}</Tag> },
          ]}
        />
      </Card>
      <CreateDriveModal open={creating} onClose={() => setCreating(false)} onCreated={(id) => void navigate(`/donation-drives/${id}`)} />
    </>
  );
}
