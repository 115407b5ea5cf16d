import { Button, Card, Descriptions, Popconfirm, Space, Tabs } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { ProgramKind } from '../../../contracts/campaigns.js';
import { formatYuan } from '../../shared/format.js';
import { PageHeader } from '../../shared/PageHeader.js';
import { PageSpinner } from '../../shared/PageSpinner.js';
import { useCan } from '../../shared/session.js';
import { useReportError } from '../../shared/useReportError.js';
import { codeLabel } from './campaign-labels.js';
import { CAMPAIGN_TABS } from './campaign-tabs.js';
import { useCampaign, useSetCampaignStatus, type CampaignDto } from './campaigns.api.js';
import { CampaignStatusTag } from './CampaignStatusTag.js';

const NEXT_STATUS: Record<CampaignDto['status'], CampaignDto['status']> = { draft: 'open', open: 'closed', closed: 'open' };

/** One campaign: its facts, the open/close action, and a tab per capability (campaign-tabs.tsx). */
export default function CampaignDetailPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const can = useCan();
  const [sp, setSp] = useSearchParams();
  const { data: c, isLoading } = useCampaign(id);
  const setStatus = useSetCampaignStatus(id ?? '');
  const reportError = useReportError();
  if (isLoading || !c) return <PageSpinner />;
  const tabs = CAMPAIGN_TABS.filter((tab) => can(tab.permission) && (!tab.kinds || tab.kinds.includes(c.programKind)));
  const active = tabs.some((tab) => tab.key === sp.get('tab')) ? sp.get('tab')! : tabs[0]?.key;
  const next = NEXT_STATUS[c.status];
  return (
    <>
      <PageHeader
        title={
          <Space>
            {c.name}
            <CampaignStatusTag status={c.status} />
          </Space>
        }
        description={`${c.programName} · ${codeLabel(ProgramKind, c.programKind, i18n.language)} · ${c.orgName}`}
        extra={
          can('campaign.manage') && (
            <Popconfirm title={t(`campaigns.statusConfirm.${next}`)} onConfirm={() => setStatus.mutateAsync(next).catch(reportError)}>
              <Button type={next === 'open' ? 'primary' : 'default'} data-testid="campaign-status-action">
                {t(`campaigns.statusAction.${next}`)}
              </Button>
            </Popconfirm>
          )
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('campaigns.fields.window')}>{`${c.applyFrom} ~ ${c.applyTo}`}</Descriptions.Item>
          <Descriptions.Item label={t('campaigns.fields.noticeDays')}>{t('campaigns.days', { count: c.noticeDays })}</Descriptions.Item>
          <Descriptions.Item label={t('campaigns.fields.rulesVersion')}>{`v${c.rulesVersion}`}</Descriptions.Item>
          <Descriptions.Item label={t('campaigns.fields.participants')} span={3}>
            {(c.participants ?? []).map((p) => `${p.orgName}（${t('campaigns.fields.budget')} ${formatYuan(p.budgetFen)}）`).join('、')}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Tabs
        activeKey={active}
        onChange={(key) => setSp((prev) => ({ ...Object.fromEntries(prev), tab: key }), { replace: true })}
        items={tabs.map(({ key, label, page: Page }) => ({
          key,
          label: t(`campaigns.tabs.${label}` as 'campaigns.tabs.rules'),
          children: (
            <Suspense fallback={<PageSpinner />}>
              <Page campaign={c} />
            </Suspense>
          ),
        }))}
      />
    </>
  );
}
