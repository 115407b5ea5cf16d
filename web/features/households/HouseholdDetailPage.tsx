import {
  ArrowLeftOutlined,
  AuditOutlined,
  BankOutlined,
  CheckOutlined,
  CloseCircleOutlined,
  EditOutlined,
  FileSearchOutlined,
  HomeOutlined,
  NotificationOutlined,
  PhoneOutlined,
  RedoOutlined,
  RollbackOutlined,
  SafetyOutlined,
  SendOutlined,
  StopOutlined,
  SwapOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Alert, Badge, Button, Card, Result, Space, Tabs, Tooltip, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { HardshipCategory, HardshipCause } from '../../../contracts/households.js';
import { useMe } from '../../shared/session.js';
import { formatYuan } from '../../shared/format.js';
import { localName } from '../../shared/labels.js';
import { PageSpinner } from '../../shared/PageSpinner.js';
import { useOrgTree } from '../orgs/orgs.api.js';
import { AidTab } from './AidTab.js';
import { AttachmentsTab } from './AttachmentsTab.js';
import { daysUntil } from './dates.js';
import { availableActions, type ActionKey, type AvailableAction } from './household-actions.js';
import { householdErrorMessage } from './household-errors.js';
import { codeLabel } from './household-labels.js';
import { HouseholdInfoTab } from './HouseholdInfoTab.js';
import { HouseholdStatusTag, SoftTag } from './HouseholdStatusTag.js';
import { HistoryTab, MembersTab, NoticeTab, SummaryStats, TransfersTab, VisitsTab } from './HouseholdTabs.js';
import { useHousehold, type HouseholdDetail, type HouseholdObjection } from './households.api.js';
import { StepModal, type ModalAction } from './StepModal.js';

const ACTION_ICON: Record<ActionKey, ReactNode> = {
  check: <CheckOutlined />,
  visit: <HomeOutlined />,
  'start-notice': <NotificationOutlined />,
  objection: <WarningOutlined />,
  approve: <AuditOutlined />,
  return: <RollbackOutlined />,
  resubmit: <SendOutlined />,
  reject: <StopOutlined />,
  verify: <FileSearchOutlined />,
  lift: <SafetyOutlined />,
  'follow-up': <PhoneOutlined />,
  reopen: <RedoOutlined />,
  close: <CloseCircleOutlined />,
  transfer: <SwapOutlined />,
  edit: <EditOutlined />,
};

/** What the household waits for, in one line above the buttons. */
function StageHint({ h }: { h: HouseholdDetail }) {
  const { t } = useTranslation();
  if (h.status === 'in_notice' && h.noticeEndsOn) {
    const days = daysUntil(h.noticeEndsOn);
    const open = h.objections.filter((o) => !o.resolvedAt).length;
    return (
      <Typography.Text type="secondary">
        {days >= 0 ? t('households.action.noticeRunning', { date: h.noticeEndsOn, count: days + 1 }) : t('households.action.noticeEnded', { date: h.noticeEndsOn })}
        {open > 0 && <Typography.Text type="warning">{t('households.action.objectionsOpen', { count: open })}</Typography.Text>}
      </Typography.Text>
    );
  }
  return <Typography.Text type="secondary">{t(`households.stage.${h.status}`)}</Typography.Text>;
}

function ActionBar({ h, actions, onAction }: { h: HouseholdDetail; actions: AvailableAction[]; onAction: (key: ActionKey) => void }) {
  const { t } = useTranslation();
  return (
    <Card size="small" style={{ marginBottom: 16 }} styles={{ body: { padding: '12px 20px' } }} data-testid="household-actions">
      <div style={{ display: 'flex', gap: 16, alignItems: 'center', flexWrap: 'wrap' }}>
        <Space orientation="vertical" size={0} style={{ minWidth: 220, flex: '1 1 260px' }}>
          <Typography.Text strong>{t('households.action.title')}</Typography.Text>
          <StageHint h={h} />
        </Space>
        {actions.length === 0 ? (
          <Typography.Text type="secondary" data-testid="household-actions-none">
            {t('households.action.none')}
          </Typography.Text>
        ) : (
          <Space wrap>
            {actions.map((a) => {
              const button = (
                <Button
                  key={a.key}
                  type={a.primary ? 'primary' : 'default'}
                  danger={a.danger}
                  // antd's red on white falls short of WCAG AA; a darker red passes.
                  style={a.danger && !a.blockedBy ? { color: '#cf1322', borderColor: '#cf1322' } : undefined}
                  icon={ACTION_ICON[a.key]}
                  disabled={!!a.blockedBy}
                  onClick={() => onAction(a.key)}
                  data-testid={`household-action-${a.key}`}
                >
                  {t(`households.steps.${a.key}`)}
                </Button>
              );
              return a.blockedBy ? (
                <Tooltip key={a.key} title={t(`households.action.blocked.${a.blockedBy}`)}>
                  <span>{button}</span>
                </Tooltip>
              ) : (
                button
              );
            })}
          </Space>
        )}
      </div>
    </Card>
  );
}

function Header({ h }: { h: HouseholdDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { index } = useOrgTree();
  const org = index?.byId.get(h.orgId);
  return (
    <Card style={{ marginBottom: 16 }} data-testid="household-header">
      <Space size={12} align="center" wrap>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 22 }} data-testid="household-name">
          {h.name}
        </Typography.Title>
        <HouseholdStatusTag status={h.status} testId="household-status" />
        {h.relapsed && (
          <Tooltip title={t('households.detail.relapsedHint')}>
            <SoftTag color="volcano" data-testid="household-relapsed">
              {t('households.detail.relapsed')}
            </SoftTag>
          </Tooltip>
        )}
      </Space>
      <Space size={24} wrap style={{ marginTop: 8, color: 'rgba(0,0,0,0.62)' }}>
        <span>
          {t('households.detail.caseNoLabel')}
          <Typography.Text className="uh-mono" copyable data-testid="household-case-no">
            {h.caseNo}
          </Typography.Text>
        </span>
        <span>
          <BankOutlined style={{ color: '#1a5fd0', marginInlineEnd: 6 }} />
          {org ? localName(org, lang) : h.orgName}
        </span>
        <span>
          {codeLabel(HardshipCategory, h.category, lang)} · {codeLabel(HardshipCause, h.mainCause, lang)}
        </span>
      </Space>
      <div style={{ marginTop: 16 }}>
        <SummaryStats
          items={[
            { key: 'size', title: t('households.fields.householdSize'), value: t('households.list.persons', { count: h.householdSize }) },
            { key: 'annual', title: t('households.fields.annualIncome'), value: formatYuan(h.annualIncomeFen) },
            { key: 'perHead', title: t('households.fields.incomePerHeadMonthly'), value: formatYuan(h.incomePerHeadMonthlyFen) },
            { key: 'aid', title: t('households.aid.total'), value: formatYuan(h.aidLedger.totalFen) },
            { key: 'due', title: t('households.fields.nextVerificationDue'), value: h.nextVerificationDue ?? '-' },
          ]}
        />
      </div>
    </Card>
  );
}

const TAB_KEYS = ['info', 'members', 'attachments', 'visits', 'notice', 'history', 'aid', 'transfers'] as const;
type TabKey = (typeof TAB_KEYS)[number];

/** 档案详情: the record, what may be done with it now, and its whole history. */
export default function HouseholdDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const { data: me } = useMe();
  const { data: h, isLoading, error } = useHousehold(id);
  const [action, setAction] = useState<ModalAction | null>(null);
  const [objection, setObjection] = useState<HouseholdObjection | undefined>();
  const tabParam = searchParams.get('tab');
  const tab: TabKey = (TAB_KEYS as readonly string[]).includes(tabParam ?? '') ? (tabParam as TabKey) : 'info';

  // Back to where the user came from (the filtered list), or to the list when the page was opened directly.
  const goBack = () => {
    const idx = (window.history.state as { idx?: number } | null)?.idx ?? 0;
    if (idx > 0) void navigate(-1);
    else void navigate('/households');
  };
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={goBack}>
      {t('common.back')}
    </Button>
  );
  if (isLoading) return <PageSpinner />;
  if (error || !h || !me) return <Result status="warning" title={householdErrorMessage(t, error)} extra={<Button onClick={() => void navigate('/households')}>{t('households.detail.backToList')}</Button>} />;

  const actions = availableActions(h, me);
  const onAction = (key: ActionKey) => {
    if (key === 'edit') void navigate(`/households/${h.id}/edit`);
    else setAction(key);
  };
  const openObjections = h.objections.filter((o) => !o.resolvedAt).length;

  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 12 }}>
        <Typography.Text type="secondary">
          <a onClick={() => void navigate('/households')}>{t('households.title')}</a> / {t('households.detail.title')}
        </Typography.Text>
        {back}
      </div>
      <Header h={h} />
      {h.status === 'returned' && <ReturnedNotice h={h} />}
      <ActionBar h={h} actions={actions} onAction={onAction} />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(k) => setSearchParams(k === 'info' ? {} : { tab: k }, { replace: true })}
          items={[
            { key: 'info', label: t('households.tabs.info'), children: <HouseholdInfoTab h={h} /> },
            { key: 'members', label: <Badge count={h.members.length} size="small" color="#8c8c8c" offset={[8, -2]}>{t('households.tabs.members')}</Badge>, children: <MembersTab h={h} /> },
            { key: 'attachments', label: <span data-testid="household-tab-attachments">{t('households.tabs.attachments')}</span>, children: <AttachmentsTab h={h} /> },
            { key: 'visits', label: t('households.tabs.visits'), children: <VisitsTab h={h} /> },
            {
              key: 'notice',
              label: (
                <Badge count={openObjections} size="small" offset={[8, -2]}>
                  {t('households.tabs.notice')}
                </Badge>
              ),
              children: (
                <NoticeTab
                  h={h}
                  onResolve={(o) => {
                    setObjection(o);
                    setAction('resolve');
                  }}
                />
              ),
            },
            { key: 'history', label: t('households.tabs.history'), children: <HistoryTab h={h} /> },
            { key: 'aid', label: t('households.tabs.aid'), children: <AidTab h={h} /> },
            { key: 'transfers', label: t('households.tabs.transfers'), children: <TransfersTab h={h} /> },
          ]}
        />
      </Card>
      <StepModal
        household={h}
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

/** A returned household shows why, so the caseworker knows what to correct before resubmitting. */
function ReturnedNotice({ h }: { h: HouseholdDetail }) {
  const { t } = useTranslation();
  const last = [...h.history].reverse().find((e) => e.toStatus === 'returned');
  if (!last?.reason) return null;
  return <Alert type="warning" showIcon title={t('households.detail.returnedReason')} description={last.reason} style={{ marginBottom: 16 }} />;
}
