import {
  ArrowLeftOutlined,
  AuditOutlined,
  BankOutlined,
  CheckCircleFilled,
  CheckOutlined,
  EditOutlined,
  FileSearchOutlined,
  MinusCircleOutlined,
  PrinterOutlined,
  RollbackOutlined,
  SendOutlined,
  StopOutlined,
  UndoOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Alert, Badge, Button, Card, Col, Descriptions, Empty, Result, Row, Space, Statistic, Tabs, Tag, Tooltip, Typography } from 'antd';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ATTACHABLE_APPLICATION_STATUSES, FiveClear, NationalAid, SchoolKind } from '../../../../contracts/campaigns.js';
import { JIAOZUO_COUNTIES } from '../../../../contracts/cn-ids.js';
import { SchoolStage } from '../../../../contracts/households.js';
import { formatDateTime, formatYuan } from '../../../shared/format.js';
import { PageSpinner } from '../../../shared/PageSpinner.js';
import { useCan, useMe } from '../../../shared/session.js';
import { useOrgTree } from '../../orgs/orgs.api.js';
import { codeLabel } from '../campaign-labels.js';
import { useCampaign } from '../campaigns.api.js';
import { availableActions, type ActionKey, type AvailableAction } from './application-actions.js';
import { applicationErrorMessage } from './application-errors.js';
import { ApplicationHistory } from './ApplicationHistory.js';
import { ApplicationRevealButton } from './ApplicationRevealButton.js';
import { ApplicationStatusTag } from './ApplicationStatusTag.js';
import { ApplicationStepModal, type ModalAction } from './ApplicationStepModal.js';
import { useApplication, type ApplicationDetail, type ApplicationObjection } from './applications.api.js';

const ApplicationAttachments = lazy(() => import('./ApplicationAttachments.js'));

const ACTION_ICON: Record<ActionKey, ReactNode> = {
  submit: <SendOutlined />,
  verify: <FileSearchOutlined />,
  'approve-district': <CheckOutlined />,
  'approve-city': <AuditOutlined />,
  objection: <WarningOutlined />,
  edit: <EditOutlined />,
  return: <RollbackOutlined />,
  reject: <StopOutlined />,
  withdraw: <UndoOutlined />,
};


function ActionBar({ a, actions, onAction }: { a: ApplicationDetail; actions: AvailableAction[]; onAction: (key: ActionKey) => void }) {
  const { t } = useTranslation();
  return (
    <Card size="small" style={{ marginBottom: 16 }} styles={{ body: { padding: '12px 20px' } }} data-testid="application-actions">
      <div style={{ display: 'flex', gap: 16, alignItems: 'center', flexWrap: 'wrap' }}>
        <Space orientation="vertical" size={0} style={{ minWidth: 220, flex: '1 1 260px' }}>
          <Typography.Text strong>{t('applications.step.title')}</Typography.Text>
          <Typography.Text type="secondary">{t(`applications.stage.${a.status}`)}</Typography.Text>
        </Space>
        <Space wrap>
          {actions.length === 0 && (
            <Typography.Text type="secondary" data-testid="application-actions-none">
              {t('applications.step.none')}
            </Typography.Text>
          )}
          {actions.map((x) => {
            const button = (
              <Button
                key={x.key}
                type={x.primary ? 'primary' : 'default'}
                danger={x.danger}
                style={x.danger && !x.blockedBy ? { color: '#cf1322', borderColor: '#cf1322' } : undefined}
                icon={ACTION_ICON[x.key]}
                disabled={!!x.blockedBy}
                onClick={() => onAction(x.key)}
                data-testid={`application-action-${x.key}`}
              >
                {t(`applications.steps.${x.key}`)}
              </Button>
            );
            return x.blockedBy ? (
              <Tooltip key={x.key} title={t('applications.step.makerChecker')}>
                <span>{button}</span>
              </Tooltip>
            ) : (
              button
            );
          })}
          <Link to={`/applications/${a.id}/print`}>
            <Button icon={<PrinterOutlined />} data-testid="application-print">
              {t('applications.detail.print')}
            </Button>
          </Link>
        </Space>
      </div>
    </Card>
  );
}

function Header({ a, campaignName }: { a: ApplicationDetail; campaignName?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Card style={{ marginBottom: 16 }} data-testid="application-header">
      <Space size={12} align="center" wrap>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 22 }} data-testid="application-student">
          {a.studentName}
        </Typography.Title>
        <ApplicationStatusTag status={a.status} testId="application-status" />
        <Tag>{a.filed ? t('applications.fields.filedYes') : t('applications.fields.filedNo')}</Tag>
      </Space>
      <Space size={24} wrap style={{ display: 'flex', marginTop: 8, color: 'rgba(0,0,0,0.62)' }}>
        <span>
          {t('applications.fields.applicationNo')}：
          <Typography.Text className="uh-mono" copyable data-testid="application-no">
            {a.applicationNo}
          </Typography.Text>
        </span>
        <span>
          <BankOutlined style={{ color: '#1a5fd0', marginInlineEnd: 6 }} />
          {a.orgName}
        </span>
        {campaignName && <Link to={`/campaigns/${a.campaignId}?tab=applications`}>{campaignName}</Link>}
        <span>
          {codeLabel(SchoolStage, a.schoolStage, i18n.language)} · {a.schoolName}
        </span>
      </Space>
      <Row gutter={16} style={{ marginTop: 16 }}>
        {[
          { key: 'proposed', title: t('applications.fields.proposedAmount'), value: formatYuan(a.proposedAmountFen) },
          { key: 'asked', title: t('applications.fields.amount'), value: formatYuan(a.amountFen) },
          { key: 'approved', title: t('applications.fields.approvedAmount'), value: a.approvedAmountFen === null ? t('applications.detail.notApproved') : formatYuan(a.approvedAmountFen) },
          { key: 'notice', title: t('applications.fields.noticePeriod'), value: a.noticeStartsOn && a.noticeEndsOn ? `${a.noticeStartsOn} ~ ${a.noticeEndsOn}` : '-' },
        ].map((s) => (
          <Col key={s.key} xs={12} md={6}>
            <Card size="small" variant="borderless" style={{ background: '#f7f9fc' }}>
              <Statistic title={s.title} value={s.value} styles={{ content: { fontSize: 18 } }} data-testid={`application-amount-${s.key}`} />
            </Card>
          </Col>
        ))}
      </Row>
    </Card>
  );
}

function InfoTab({ a }: { a: ApplicationDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const u = a.unfiledDetails;
  const masked = (v: string | null, field: 'studentIdNumber' | 'applicantIdNumber' | 'applicantPhone', label: string, owner: string) =>
    v ? (
      <Space size={4}>
        <span className="uh-mono">{v}</span>
        <ApplicationRevealButton applicationId={a.id} field={field} label={label} owner={owner} />
      </Space>
    ) : (
      '-'
    );
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Descriptions title={t('applications.detail.applicantSection')} bordered size="small" column={{ xs: 1, md: 2, xl: 3 }} data-testid="application-applicant">
        <Descriptions.Item label={t('applications.fields.applicant')}>
          {a.applicantName}
          {a.householdId && (
            <Link to={`/households/${a.householdId}`} style={{ marginInlineStart: 8 }}>
              {t('applications.fields.household')}
            </Link>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('applications.fields.applicantId')}>{masked(a.applicantIdMasked, 'applicantIdNumber', t('applications.fields.applicantId'), a.applicantName)}</Descriptions.Item>
        <Descriptions.Item label={t('applications.fields.applicantPhone')}>{masked(a.applicantPhoneMasked, 'applicantPhone', t('applications.fields.applicantPhone'), a.applicantName)}</Descriptions.Item>
        <Descriptions.Item label={t('applications.fields.incomePerHead')}>{formatYuan(a.incomePerHeadMonthlyFen)}</Descriptions.Item>
        {u && (
          <>
            <Descriptions.Item label={t('applications.fields.householdSize')}>{t('applications.persons', { count: u.householdSize })}</Descriptions.Item>
            <Descriptions.Item label={t('applications.fields.regionCode')}>
              <span className="uh-mono">{u.regionCode}</span> {JIAOZUO_COUNTIES[u.regionCode] ?? ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('applications.fields.employer')}>{u.employerName ?? '-'}</Descriptions.Item>
            <Descriptions.Item label={t('applications.fields.hardship')} span={{ xs: 1, md: 2, xl: 3 }}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{u.hardship}</span>
            </Descriptions.Item>
          </>
        )}
      </Descriptions>
      <Descriptions title={t('applications.detail.studentSection')} bordered size="small" column={{ xs: 1, md: 2, xl: 3 }} data-testid="application-student-facts">
        <Descriptions.Item label={t('applications.fields.student')}>{a.studentName}</Descriptions.Item>
        <Descriptions.Item label={t('applications.fields.studentId')}>{masked(a.studentIdMasked, 'studentIdNumber', t('applications.fields.studentId'), a.studentName)}</Descriptions.Item>
        <Descriptions.Item label={t('applications.fields.school')}>{a.schoolName}</Descriptions.Item>
        <Descriptions.Item label={t('applications.fields.schoolStage')}>{codeLabel(SchoolStage, a.schoolStage, lang)}</Descriptions.Item>
        <Descriptions.Item label={t('applications.fields.schoolKind')}>{codeLabel(SchoolKind, a.schoolKind, lang)}</Descriptions.Item>
        <Descriptions.Item label={t('applications.fields.admissionYear')}>{a.admissionYear}</Descriptions.Item>
        <Descriptions.Item label={t('applications.fields.major')}>{a.major ?? '-'}</Descriptions.Item>
        <Descriptions.Item label={t('applications.fields.tuition')}>{formatYuan(a.tuitionFen)}</Descriptions.Item>
        <Descriptions.Item label={t('applications.fields.otherFees')}>{formatYuan(a.otherFeesFen)}</Descriptions.Item>
        <Descriptions.Item label={t('applications.fields.nationalAid')} span={{ xs: 1, md: 2 }}>
          {a.nationalAid.length ? a.nationalAid.map((k) => <Tag key={k}>{codeLabel(NationalAid, k, lang)}</Tag>) : t('applications.detail.noNationalAid')}
        </Descriptions.Item>
        <Descriptions.Item label={t('applications.fields.governmentAided')}>{a.governmentAided ? t('common.yes') : t('common.no')}</Descriptions.Item>
      </Descriptions>
      <Descriptions title={t('applications.detail.amountSection')} bordered size="small" column={{ xs: 1, md: 2, xl: 3 }} data-testid="application-amounts">
        <Descriptions.Item label={t('applications.fields.proposedAmount')}>
          {formatYuan(a.proposedAmountFen)}
          <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
            {t('applications.fields.rulesVersion')} v{a.rulesVersion}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('applications.fields.amount')}>
          {formatYuan(a.amountFen)}
          {a.amountReason && (
            <Typography.Text type="warning" style={{ display: 'block' }}>
              {t('applications.detail.amountDiffers', { reason: a.amountReason })}
            </Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('applications.fields.approvedAmount')}>{a.approvedAmountFen === null ? t('applications.detail.notApproved') : formatYuan(a.approvedAmountFen)}</Descriptions.Item>
        <Descriptions.Item label={t('applications.fields.inKind')}>
          {a.inKindItems.length ? a.inKindItems.map((i) => `${i.item} × ${i.quantity}`).join('、') : t('applications.detail.noInKind')}
        </Descriptions.Item>
        <Descriptions.Item label={t('applications.fields.wish')} span={{ xs: 1, md: 2 }}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{a.wish ?? '-'}</span>
        </Descriptions.Item>
      </Descriptions>
    </Space>
  );
}

function ReviewTab({ a }: { a: ApplicationDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <Row gutter={24}>
      <Col xs={24} lg={12}>
        <Typography.Title level={5}>{t('applications.fields.fiveClears')}</Typography.Title>
        <div data-testid="application-five-clears" style={{ border: '1px solid #f0f0f0', borderRadius: 6 }}>
          {FiveClear.keys.map((k, i) => {
            const c = a.fiveClears?.[k];
            return (
              <div key={k} style={{ display: 'flex', gap: 8, padding: '8px 12px', borderTop: i ? '1px solid #f0f0f0' : undefined }}>
                {c?.checked ? <CheckCircleFilled style={{ color: '#389e0d', marginTop: 4 }} /> : <MinusCircleOutlined style={{ color: '#8c8c8c', marginTop: 4 }} />}
                <div>
                  <Typography.Text strong>{codeLabel(FiveClear, k, i18n.language)}</Typography.Text>
                  <Typography.Text type={c?.checked ? 'success' : 'secondary'} style={{ marginInlineStart: 8, fontSize: 12 }}>
                    {c?.checked ? t('applications.detail.checked') : t('applications.detail.unchecked')}
                  </Typography.Text>
                  {c?.note && <div style={{ whiteSpace: 'pre-wrap', color: 'rgba(0,0,0,0.72)' }}>{c.note}</div>}
                </div>
              </div>
            );
          })}
        </div>
      </Col>
      <Col xs={24} lg={12}>
        <Typography.Title level={5}>{t('applications.fields.homeVisit')}</Typography.Title>
        {a.homeVisit ? (
          <Descriptions bordered size="small" column={1} data-testid="application-home-visit">
            <Descriptions.Item label={t('applications.fields.visitDate')}>{a.homeVisit.visitDate}</Descriptions.Item>
            <Descriptions.Item label={t('applications.fields.visitors')}>{a.homeVisit.visitors}</Descriptions.Item>
            <Descriptions.Item label={t('applications.fields.findings')}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{a.homeVisit.findings}</span>
            </Descriptions.Item>
          </Descriptions>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('applications.detail.noVisit')} />
        )}
      </Col>
    </Row>
  );
}

function NoticePanel({ a, canAct, onRecord, onResolve }: { a: ApplicationDetail; canAct: boolean; onRecord: () => void; onResolve: (o: ApplicationObjection) => void }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text>
          {t('applications.fields.noticePeriod')}：{a.noticeStartsOn && a.noticeEndsOn ? `${a.noticeStartsOn} ~ ${a.noticeEndsOn}` : '-'}
        </Typography.Text>
        {canAct && a.status === 'in_notice' && (
          <Button size="small" icon={<WarningOutlined />} onClick={onRecord} data-testid="application-record-objection">
            {t('applications.steps.objection')}
          </Button>
        )}
      </Space>
      {a.objections.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('applications.detail.noObjections')} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="application-objections">
          {a.objections.map((o) => (
            <Card key={o.id} size="small">
              <div style={{ display: 'flex', gap: 12, alignItems: 'flex-start', justifyContent: 'space-between', flexWrap: 'wrap' }}>
                <div style={{ flex: '1 1 320px' }}>
                  <Space wrap style={{ marginBottom: 4 }}>
                    {o.resolvedAt ? (
                      <Tag color={o.upheld ? 'red' : 'green'}>{o.upheld ? t('applications.detail.upheldYes') : t('applications.detail.upheldNo')}</Tag>
                    ) : (
                      <Tag color="orange">{t('applications.detail.objectionOpen')}</Tag>
                    )}
                    <span style={{ whiteSpace: 'pre-wrap' }}>{o.content}</span>
                  </Space>
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                    {t('applications.detail.objectionRaisedBy')}：{o.raisedBy ?? t('applications.detail.objectionAnonymous')} · {formatDateTime(o.raisedAt)}
                  </Typography.Text>
                  {o.resolution && (
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                      {t('applications.detail.objectionResolved')}：{o.resolution} · {formatDateTime(o.resolvedAt)}
                    </Typography.Text>
                  )}
                </div>
                {!o.resolvedAt && canAct && (
                  <Button size="small" type="primary" onClick={() => onResolve(o)} data-testid="application-resolve-objection">
                    {t('applications.steps.resolve')}
                  </Button>
                )}
              </div>
            </Card>
          ))}
        </Space>
      )}
    </Space>
  );
}

function GrantTab({ a }: { a: ApplicationDetail }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {a.grant ? (
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }} data-testid="application-grant">
          <Descriptions.Item label={t('applications.fields.status')}>
            <Tag color={a.grant.status === 'paid' ? 'green' : 'blue'}>{a.grant.status === 'paid' || a.grant.status === 'ready' ? t(`applications.detail.grantStatus.${a.grant.status}`) : a.grant.status}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('applications.detail.grantAmount')}>{formatYuan(a.grant.amountFen)}</Descriptions.Item>
          <Descriptions.Item label={t('applications.detail.grantReadyAt')}>{formatDateTime(a.grant.readyAt)}</Descriptions.Item>
          <Descriptions.Item label={t('applications.detail.paidOn')}>{a.grant.paidOn ?? '-'}</Descriptions.Item>
          <Descriptions.Item label={t('applications.detail.paymentRef')}>{a.grant.paymentRef ?? '-'}</Descriptions.Item>
        </Descriptions>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('applications.detail.noGrant')} />
      )}
      <Suspense fallback={<PageSpinner />}>
        <FollowUpPanel applicationId={a.id} />
      </Suspense>
    </Space>
  );
}

function AttachmentsTab({ a, editable }: { a: ApplicationDetail; editable: boolean }) {
  return (
    <Suspense fallback={<PageSpinner />}>
      <ApplicationAttachments applicationId={a.id} editable={editable} />
    </Suspense>
  );
}

const TAB_KEYS = ['info', 'review', 'history', 'notice', 'grant', 'attachments'] as const;
type TabKey = (typeof TAB_KEYS)[number];

/** 申请详情: the facts, the steps the user can take now, and the whole history. */
const FollowUpPanel = lazy(() => import('../follow-up/FollowUpPanel.js'));

export default function ApplicationDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id } = useParams();
  const [sp, setSp] = useSearchParams();
  const { data: me } = useMe();
  const can = useCan();
  const { data: a, isLoading, error } = useApplication(id);
  const { data: campaign } = useCampaign(a?.campaignId);
  const { index } = useOrgTree();
  const [action, setAction] = useState<ModalAction | null>(null);
  const [objection, setObjection] = useState<ApplicationObjection | undefined>();
  const tabParam = sp.get('tab');
  const tab: TabKey = (TAB_KEYS as readonly string[]).includes(tabParam ?? '') ? (tabParam as TabKey) : 'info';

  const goBack = () => {
    const idx = (window.history.state as { idx?: number } | null)?.idx ?? 0;
    if (idx > 0) void navigate(-1);
    else void navigate('/applications');
  };
  if (isLoading) return <PageSpinner />;
  if (error || !a || !me)
    return (
      <Result
        status="warning"
        title={applicationErrorMessage(t, error)}
        extra={<Button onClick={() => void navigate('/applications')}>{t('applications.detail.backToList')}</Button>}
      />
    );

  const orgType = index?.byId.get(me.orgId)?.type;
  const actions = availableActions(a, { userId: me.userId, permissions: me.permissions, orgType }, campaign?.stepActors);
  const onAction = (key: ActionKey) => (key === 'edit' ? void navigate(`/applications/${a.id}/edit`) : setAction(key));
  const openObjections = a.objections.filter((o) => !o.resolvedAt).length;

  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 12 }}>
        <Typography.Text type="secondary">
          <Link to="/applications">{t('applications.title')}</Link> / {t('applications.detail.title')}
        </Typography.Text>
        <Button icon={<ArrowLeftOutlined />} onClick={goBack}>
          {t('common.back')}
        </Button>
      </div>
      <Header a={a} campaignName={campaign?.name} />
      {a.status === 'draft' && a.returnReason && (
        <Alert type="warning" showIcon title={t('applications.detail.returnedTitle')} description={a.returnReason} style={{ marginBottom: 16 }} data-testid="application-returned" />
      )}
      <ActionBar a={a} actions={actions} onAction={onAction} />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(k) => setSp(k === 'info' ? {} : { tab: k }, { replace: true })}
          items={[
            { key: 'info', label: t('applications.detail.tabs.info'), children: <InfoTab a={a} /> },
            { key: 'review', label: t('applications.detail.tabs.review'), children: <ReviewTab a={a} /> },
            { key: 'history', label: t('applications.detail.tabs.history'), children: <ApplicationHistory events={a.events} /> },
            {
              key: 'notice',
              label: (
                <Badge count={openObjections} size="small" offset={[8, -2]}>
                  {t('applications.detail.tabs.notice')}
                </Badge>
              ),
              children: (
                <NoticePanel
                  a={a}
                  canAct={can('application.notice')}
                  onRecord={() => setAction('objection')}
                  onResolve={(o) => {
                    setObjection(o);
                    setAction('resolve');
                  }}
                />
              ),
            },
            { key: 'grant', label: t('applications.detail.tabs.grant'), children: <GrantTab a={a} /> },
            {
              key: 'attachments',
              label: <span data-testid="application-tab-attachments">{t('applications.detail.tabs.attachments')}</span>,
              children: <AttachmentsTab a={a} editable={can('application.submit') && ATTACHABLE_APPLICATION_STATUSES.includes(a.status)} />,
            },
          ]}
        />
      </Card>
      <ApplicationStepModal
        application={a}
        action={action}
        objection={objection}
        onClose={() => {
          setAction(null);
          setObjection(undefined);
        }}
      />
    </>
  );
}
