import { ArrowLeftOutlined, BookOutlined, HomeOutlined, SolutionOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Result, Row, Space, Steps, Table, Tag, Timeline, Typography, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FollowUpStatus } from '../../../../contracts/campaigns.js';
import { SchoolStage } from '../../../../contracts/households.js';
import { errorMessage } from '../../../shared/errors.js';
import { formatYuan } from '../../../shared/format.js';
import { PageHeader } from '../../../shared/PageHeader.js';
import { PageSpinner } from '../../../shared/PageSpinner.js';
import { useCan } from '../../../shared/session.js';
import { ApplicationStatusTag } from '../applications/ApplicationStatusTag.js';
import { codeLabel } from '../campaign-labels.js';
import { useJourney, type FollowUp, type JourneyApplication, type LedgerEntry, type StudentJourney } from './follow-up.api.js';
import { currentStage, ledgerCashFen, STAGES, stageItems, type StageKey, type TimelineItem } from './journey-timeline.js';

const STAGE_ICON: Record<StageKey, ReactNode> = { enrolment: <BookOutlined />, inSchool: <SolutionOutlined />, employment: <HomeOutlined /> };

function ApplicationItem({ a }: { a: JourneyApplication }) {
  const { t, i18n } = useTranslation();
  const g = a.grant;
  return (
    <div data-testid={`journey-application-${a.id}`}>
      <Space wrap size={8}>
        <Link to={`/applications/${a.id}`}>
          <Typography.Text strong>{t('followUp.journey.application', { year: a.campaignYear, campaign: a.campaignName })}</Typography.Text>
        </Link>
        <ApplicationStatusTag status={a.status} />
      </Space>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
        {t('followUp.journey.applicationDetail', { org: a.orgName, school: `${a.schoolName} · ${codeLabel(SchoolStage, a.schoolStage, i18n.language)}`, admissionYear: a.admissionYear })}
      </Typography.Text>
      <Typography.Text style={{ display: 'block', fontSize: 13 }}>
        {g?.status === 'paid'
          ? t('followUp.journey.grantPaid', { amount: formatYuan(g.amountFen), date: g.paidOn ?? '' })
          : g
            ? t('followUp.journey.grantReady', { amount: formatYuan(g.amountFen) })
            : t('followUp.journey.noGrant')}
        {g && g.inKindItems.length > 0 && ` · ${t('followUp.journey.inKind', { items: g.inKindItems.map((i) => `${i.item} × ${i.quantity}`).join('、') })}`}
      </Typography.Text>
    </div>
  );
}

function FollowUpItem({ f }: { f: FollowUp }) {
  const { t, i18n } = useTranslation();
  return (
    <div data-testid={`journey-follow-up-${f.year}`}>
      <Typography.Text strong>{t('followUp.journey.followUp', { year: f.year, status: codeLabel(FollowUpStatus, f.status, i18n.language) })}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 13, marginInlineStart: 8 }}>
        {f.contactedOn}
      </Typography.Text>
      {f.employer && (
        <Typography.Text style={{ display: 'block', fontSize: 13 }}>
          {f.status === 'employed' ? t('followUp.journey.employedAt', { employer: f.employer }) : t('followUp.journey.internshipAt', { employer: f.employer })}
        </Typography.Text>
      )}
      {f.note && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13, whiteSpace: 'pre-wrap' }}>
          {f.note}
        </Typography.Text>
      )}
    </div>
  );
}

const itemColor = (i: TimelineItem) => (i.kind === 'followUp' ? (i.followUp.status === 'employed' ? 'green' : 'blue') : i.application.aided ? 'green' : 'gray');

function StageCard({ journey, stage }: { journey: StudentJourney; stage: StageKey }) {
  const { t } = useTranslation();
  const items = stageItems(journey, stage);
  return (
    <Card
      size="small"
      style={{ height: '100%' }}
      data-testid={`journey-stage-${stage}`}
      title={
        <Space>
          {STAGE_ICON[stage]}
          {t(`followUp.journey.stages.${stage}`)}
        </Space>
      }
    >
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginBottom: 12 }}>
        {t(`followUp.journey.stageHint.${stage}`)}
      </Typography.Text>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('followUp.journey.none')} />
      ) : (
        <Timeline
          items={items.map((i) => ({
            key: i.kind === 'application' ? i.application.id : i.followUp.id,
            color: itemColor(i),
            content: i.kind === 'application' ? <ApplicationItem a={i.application} /> : <FollowUpItem f={i.followUp} />,
          }))}
        />
      )}
      {stage === 'employment' && <Placement placement={journey.employment.placement} />}
    </Card>
  );
}

/** Where the employment service (就业服务) placed the student, or that it will show here. */
function Placement({ placement: p }: { placement: StudentJourney['employment']['placement'] }) {
  const { t } = useTranslation();
  const can = useCan();
  if (!p)
    return (
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} data-testid="journey-placement">
        {t('followUp.journey.placementPending')}
      </Typography.Text>
    );
  const text = t('followUp.journey.placement', { date: p.placedOn, enterprise: p.enterpriseName, title: p.postingTitle });
  return (
    <Typography.Text style={{ display: 'block', fontSize: 13 }} data-testid="journey-placement">
      <Tag color="green">{t('followUp.journey.placementTag')}</Tag>
      {p.seekerId && can('job.match') ? <Link to={`/job-seekers/${p.seekerId}`}>{text}</Link> : text}
    </Typography.Text>
  );
}

function Ledger({ journey }: { journey: StudentJourney }) {
  const { t } = useTranslation();
  const columns: TableProps<LedgerEntry>['columns'] = [
    { title: t('followUp.journey.ledgerColumns.aidedOn'), dataIndex: 'aidedOn', width: 110 },
    { title: t('followUp.journey.ledgerColumns.program'), dataIndex: 'program', width: 180 },
    { title: t('followUp.journey.ledgerColumns.aidType'), dataIndex: 'aidType', width: 80, render: (v: LedgerEntry['aidType']) => <Tag>{t(`followUp.journey.aidType.${v}`)}</Tag> },
    { title: t('followUp.journey.ledgerColumns.amount'), dataIndex: 'amountFen', width: 120, align: 'right', render: (v: number, e) => (e.aidType === 'cash' ? <span className="uh-mono">{formatYuan(v)}</span> : '-') },
    { title: t('followUp.journey.ledgerColumns.item'), dataIndex: 'item', width: 140, render: (v: string | null) => v ?? '-' },
    { title: t('followUp.journey.ledgerColumns.note'), dataIndex: 'note', render: (v: string | null) => v ?? '' },
  ];
  return (
    <Card size="small" title={t('followUp.journey.ledger')} data-testid="journey-ledger" extra={journey.ledger.length > 0 && <Typography.Text className="uh-mono">{formatYuan(ledgerCashFen(journey))}</Typography.Text>}>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginBottom: 12 }}>
        {t('followUp.journey.ledgerHint')}
      </Typography.Text>
      {journey.ledger.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('followUp.journey.noLedger')} />
      ) : (
        journey.ledger.map((h) => (
          <div key={h.householdId} style={{ marginBottom: 16 }}>
            <Space style={{ marginBottom: 8 }} wrap>
              <Link to={`/households/${h.householdId}`}>
                <Typography.Text strong>{h.name}</Typography.Text>
              </Link>
              <Typography.Text className="uh-mono" type="secondary">
                {h.caseNo}
              </Typography.Text>
              <Typography.Text type="secondary">{h.orgName}</Typography.Text>
            </Space>
            <Table rowKey="id" size="small" pagination={false} dataSource={h.entries} columns={columns} scroll={{ x: 760 }} />
          </div>
        ))
      )}
    </Card>
  );
}

/** 资助链条: one student's aid from entering school to work (入学救助 → 在校扶助 → 就业援助), with the household's aid ledger. */
export default function JourneyPage() {
  const { t } = useTranslation();
  const { id } = useParams<{ id: string }>();
  const { data: journey, isLoading, error } = useJourney(id);
  if (isLoading) return <PageSpinner />;
  if (error || !journey) return <Result status="warning" title={errorMessage(t, error)} extra={<Link to="/applications">{t('followUp.journey.back')}</Link>} />;
  return (
    <div data-testid="journey-page">
      <PageHeader
        title={
          <Space>
            {t('followUp.journey.titleFor', { name: journey.student.name })}
            <Typography.Text className="uh-mono" type="secondary" style={{ fontSize: 14, fontWeight: 'normal' }}>
              {journey.student.idNumberMasked}
            </Typography.Text>
          </Space>
        }
        description={t('followUp.journey.subtitle')}
        extra={
          <Link to={`/applications/${journey.applicationId}`}>
            <Button icon={<ArrowLeftOutlined />}>{t('followUp.journey.back')}</Button>
          </Link>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Steps current={currentStage(journey)} items={STAGES.map((s) => ({ title: t(`followUp.journey.stages.${s}`), description: t(`followUp.journey.stageHint.${s}`), icon: STAGE_ICON[s] }))} data-testid="journey-steps" />
      </Card>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {STAGES.map((s) => (
          <Col key={s} xs={24} lg={8}>
            <StageCard journey={journey} stage={s} />
          </Col>
        ))}
      </Row>
      <Ledger journey={journey} />
    </div>
  );
}
