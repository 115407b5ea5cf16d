import { Alert, Button, Card, Descriptions, Result, Space, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Education, JobCategory } from '../../../../contracts/employment.js';
import { codeLabel } from '../../../shared/code-labels.js';
import { formatDate } from '../../../shared/format.js';
import { PageHeader } from '../../../shared/PageHeader.js';
import { PageSpinner } from '../../../shared/PageSpinner.js';
import { useCan } from '../../../shared/session.js';
import { ReferralsTab } from './ReferralsTab.js';
import { SeekerRevealButton } from './SeekerRevealButton.js';
import { SeekerStatusButton } from './SeekerStatusButton.js';
import { SeekerMatchesTab } from './SeekerMatchesTab.js';
import { SeekerStatusTag } from './SeekerStatusTag.js';
import { monthlyYuan, regionLabel, seekerErrorMessage, seekerSource } from './seeker-view.js';
import { useSeeker, type SeekerDetail } from './seekers.api.js';

const TABS = ['matches', 'referrals'] as const;

function Source({ seeker }: { seeker: SeekerDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const source = seekerSource(seeker);
  const parts = [<span key="kind">{t(`seekers.source.${source}`)}</span>];
  if (seeker.household)
    parts.push(
      can('household.read') ? (
        <Link key="h" to={`/households/${seeker.household.id}`}>
          {t('seekers.source.householdLink', { caseNo: seeker.household.caseNo })}
        </Link>
      ) : (
        <span key="h">{t('seekers.source.householdLink', { caseNo: seeker.household.caseNo })}</span>
      ),
    );
  if (seeker.application)
    parts.push(
      can('application.read') ? (
        <Link key="a" to={`/applications/${seeker.application.id}`}>
          {t('seekers.source.applicationLink', { no: seeker.application.applicationNo })}
        </Link>
      ) : (
        <span key="a">{t('seekers.source.applicationLink', { no: seeker.application.applicationNo })}</span>
      ),
    );
  return <Space size={8}>{parts}</Space>;
}

/** A job seeker: their data (masked), 匹配岗位 with 推荐, and 推荐记录 with 录用上岗 / 未录用. */
export default function SeekerDetailPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const can = useCan();
  const navigate = useNavigate();
  const [sp, setSp] = useSearchParams();
  const { data: seeker, isLoading, error } = useSeeker(id);
  if (isLoading) return <PageSpinner />;
  if (error || !seeker)
    return <Result status="warning" title={seekerErrorMessage(t, error)} extra={<Button onClick={() => void navigate('/job-seekers')}>{t('seekers.backToList')}</Button>} />;
  const active = TABS.find((k) => k === sp.get('tab')) ?? 'matches';
  const p = seeker.placement;
  return (
    <>
      <PageHeader
        title={
          <Space size={8}>
            <span data-testid="seeker-name">{seeker.name}</span>
            <SeekerStatusTag status={seeker.status} />
            {seeker.hardship && <Tag color="orange">{t('seekers.hardshipTag')}</Tag>}
          </Space>
        }
        description={seeker.orgName}
        extra={
          <Space wrap>
            <Button onClick={() => void navigate(`/job-seekers/${seeker.id}/edit`)} data-testid="seeker-edit">
              {t('seekers.detail.edit')}
            </Button>
            <SeekerStatusButton seeker={seeker} />
            <Button onClick={() => void navigate('/job-seekers')}>{t('seekers.backToList')}</Button>
          </Space>
        }
      />
      {seeker.inactive && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="seeker-inactive"
          title={t('seekers.detail.inactive', { date: formatDate(seeker.inactive.since), reason: seeker.inactive.reason })}
        />
      )}
      {p && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="seeker-placement"
          title={t('seekers.detail.placement', { date: p.placedOn, enterprise: p.enterpriseName, title: p.postingTitle })}
          action={
            seeker.application &&
            can('application.read') && (
              <Link to={`/applications/${seeker.application.id}/journey`} data-testid="seeker-journey-link">
                {t('seekers.detail.journey')}
              </Link>
            )
          }
        />
      )}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2, lg: 3 }} data-testid="seeker-details">
          <Descriptions.Item label={t('seekers.fields.idNumber')}>
            <span className="uh-mono">{seeker.idNumberMasked}</span>
            <SeekerRevealButton seekerId={seeker.id} field="idNumber" owner={seeker.name} />
          </Descriptions.Item>
          <Descriptions.Item label={t('seekers.fields.phone')}>
            <span className="uh-mono">{seeker.phoneMasked ?? '-'}</span>
            {seeker.phoneMasked && <SeekerRevealButton seekerId={seeker.id} field="phone" owner={seeker.name} />}
          </Descriptions.Item>
          <Descriptions.Item label={t('seekers.fields.source')}>
            <Source seeker={seeker} />
          </Descriptions.Item>
          <Descriptions.Item label={t('seekers.fields.education')}>{codeLabel(Education, seeker.education, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('seekers.fields.major')}>{seeker.major ?? '-'}</Descriptions.Item>
          <Descriptions.Item label={t('seekers.fields.graduationYear')}>{seeker.graduationYear ?? '-'}</Descriptions.Item>
          <Descriptions.Item label={t('seekers.fields.wishedCategory')}>{codeLabel(JobCategory, seeker.wishedCategory, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('seekers.fields.wishedRegion')}>{regionLabel(seeker.wishedRegion, i18n.language)}</Descriptions.Item>
          <Descriptions.Item label={t('seekers.fields.wishedSalary')}>
            {seeker.wishedSalaryFen === null ? t('seekers.notGiven') : t('seekers.salaryWish', { amount: monthlyYuan(seeker.wishedSalaryFen) })}
          </Descriptions.Item>
          <Descriptions.Item label={t('seekers.fields.skills')} span={3}>
            {seeker.skills ?? '-'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card>
        <Tabs
          activeKey={active}
          onChange={(key) => setSp((prev) => ({ ...Object.fromEntries(prev), tab: key }), { replace: true })}
          items={[
            { key: 'matches', label: t('seekers.detail.tabs.matches'), children: <SeekerMatchesTab seeker={seeker} /> },
            { key: 'referrals', label: `${t('seekers.detail.tabs.referrals')} (${seeker.referrals.length})`, children: <ReferralsTab seeker={seeker} /> },
          ]}
        />
      </Card>
    </>
  );
}
