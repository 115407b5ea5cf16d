import { Space, Tag, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { ContactMethod, ContactOutcome, WorklistReason } from '../../../../contracts/campaigns.js';
import { SchoolStage } from '../../../../contracts/households.js';
import { codeLabel } from '../campaign-labels.js';
import type { WorklistEntry } from './reach.api.js';

/** The worklist's columns, shared with the not-applied list of the report. */
export function useWorklistColumns(): NonNullable<TableProps<WorklistEntry>['columns']> {
  const { t, i18n } = useTranslation();
  return [
    {
      title: t('reach.columns.student'),
      dataIndex: 'studentName',
      width: 100,
      fixed: 'left',
      render: (name: string, r) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {codeLabel(SchoolStage, r.schoolStage, i18n.language)}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('reach.columns.idNumber'), dataIndex: 'studentIdMasked', width: 170 },
    { title: t('reach.columns.reason'), dataIndex: 'reason', width: 116, render: (r: string) => <Tag color={r === 'follow_up' ? 'purple' : 'blue'}>{codeLabel(WorklistReason, r, i18n.language)}</Tag> },
    {
      title: t('reach.columns.household'),
      key: 'household',
      width: 196,
      render: (_: unknown, r) => (
        <Space orientation="vertical" size={0}>
          <span>
            {r.householdName}
            <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
              {r.phoneMasked ?? t('reach.noPhone')}
            </Typography.Text>
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.caseNo}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('reach.columns.org'), dataIndex: 'orgName', width: 132 },
    {
      title: t('reach.columns.lastContact'),
      key: 'lastContact',
      width: 160,
      render: (_: unknown, r) =>
        r.lastContact ? (
          <Space size={4} wrap>
            <span>{r.lastContact.contactedOn}</span>
            <span>{codeLabel(ContactMethod, r.lastContact.method, i18n.language)}</span>
            <Tag color={r.lastContact.outcome === 'reached' ? 'green' : 'orange'}>{codeLabel(ContactOutcome, r.lastContact.outcome, i18n.language)}</Tag>
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('reach.noContact')}</Typography.Text>
        ),
    },
    { title: t('reach.columns.applied'), dataIndex: 'applied', width: 90, render: (a: boolean) => (a ? <Tag color="success">{t('reach.applied')}</Tag> : <Tag>{t('reach.notApplied')}</Tag>) },
  ];
}
