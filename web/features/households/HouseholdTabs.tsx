import { ArrowRightOutlined, CheckCircleOutlined, ClockCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Col, Descriptions, Empty, Row, Space, Table, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AttachmentKind, HealthStatus, MedicalInsurance, MemberStatus, Relation, SchoolStage, Sex } from '../../../contracts/households.js';
import { useCan } from '../../shared/session.js';
import { formatDateTime, formatYuan } from '../../shared/format.js';
import { daysUntil } from './dates.js';
import { codeLabel, fieldLabel, historyActionLabel } from './household-labels.js';
import { HouseholdStatusTag, SoftTag } from './HouseholdStatusTag.js';
import type { HouseholdDetail, HouseholdHistoryEntry, HouseholdMember, HouseholdObjection, HouseholdTransfer, HouseholdVisit } from './households.api.js';
import { Masked } from './HouseholdInfoTab.js';
import { RevealButton } from './RevealButton.js';

const dash = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '-' : v);

export function MembersTab({ h }: { h: HouseholdDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Table<HouseholdMember>
      data-testid="household-members"
      rowKey="id"
      size="middle"
      pagination={false}
      dataSource={h.members}
      scroll={{ x: 1300 }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('households.member.none')} /> }}
      columns={[
        { title: t('households.member.relation'), dataIndex: 'relation', width: 100, render: (v: string) => codeLabel(Relation, v, lang) },
        { title: t('households.member.name'), dataIndex: 'name', width: 100 },
        {
          title: t('households.member.idNumber'),
          dataIndex: 'idNumberMasked',
          width: 250,
          render: (v: string, m) => (
            <Masked value={v}>
              <RevealButton householdId={h.id} field="memberIdNumber" memberId={m.id} label={t('households.fields.idNumber')} owner={m.name} testId="reveal-member-id" />
            </Masked>
          ),
        },
        { title: t('households.fields.sex'), dataIndex: 'sex', width: 60, render: (v: string) => codeLabel(Sex, v, lang) },
        { title: t('households.fields.age'), dataIndex: 'age', width: 60, align: 'right' },
        { title: t('households.fields.health'), dataIndex: 'health', width: 90, render: (v: string) => codeLabel(HealthStatus, v, lang) },
        { title: t('households.fields.medicalInsurance'), dataIndex: 'medicalInsurance', width: 120, render: (v: string | null) => dash(codeLabel(MedicalInsurance, v, lang)) },
        { title: t('households.member.monthlyIncome'), dataIndex: 'monthlyIncomeFen', width: 110, align: 'right', render: (v: number) => formatYuan(v) },
        { title: t('households.member.status'), dataIndex: 'status', width: 80, render: (v: string | null) => dash(codeLabel(MemberStatus, v, lang)) },
        { title: t('households.member.schoolOrEmployer'), dataIndex: 'schoolOrEmployer', ellipsis: true, render: (v: string | null) => dash(v) },
        { title: t('households.member.schoolStage'), dataIndex: 'schoolStage', width: 90, render: (v: string | null) => dash(codeLabel(SchoolStage, v, lang)) },
        { title: t('households.member.enrolmentYear'), dataIndex: 'enrolmentYear', width: 90, render: (v: number | null) => dash(v) },
      ]}
    />
  );
}

const VISIT_COLOR: Record<string, string> = { home_visit: 'blue', verification: 'green', follow_up: 'purple' };

export function VisitsTab({ h }: { h: HouseholdDetail }) {
  const { t } = useTranslation();
  const kindLabel = (k: string) => (k === 'home_visit' || k === 'verification' || k === 'follow_up' ? t(`households.visit.kind.${k}`) : k);
  return (
    <Table<HouseholdVisit>
      data-testid="household-visits"
      rowKey="id"
      pagination={false}
      dataSource={h.visits}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('households.visit.empty')} /> }}
      columns={[
        { title: t('households.visit.kindLabel'), dataIndex: 'kind', width: 110, render: (v: string) => <SoftTag color={VISIT_COLOR[v] ?? 'default'}>{kindLabel(v)}</SoftTag> },
        { title: t('households.visit.dateLabel'), dataIndex: 'visitDate', width: 120, render: (v: string) => <span className="uh-mono">{v}</span> },
        { title: t('households.visit.visitorsOrMethod'), dataIndex: 'visitors', width: 180 },
        { title: t('households.visit.findings'), dataIndex: 'findings', render: (v: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> },
        {
          title: t('households.visit.consentSigned'),
          dataIndex: 'consentSigned',
          width: 110,
          render: (v: boolean, r) => (r.kind === 'follow_up' ? '-' : v ? <Badge status="success" text={t('households.visit.signed')} /> : <Badge status="default" text={t('households.visit.notSigned')} />),
        },
        { title: t('households.visit.recordedAt'), dataIndex: 'recordedAt', width: 150, render: (v: string) => formatDateTime(v) },
      ]}
    />
  );
}

export function NoticeTab({ h, onResolve }: { h: HouseholdDetail; onResolve: (o: HouseholdObjection) => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const days = h.noticeEndsOn ? daysUntil(h.noticeEndsOn) : null;
  let state: React.ReactNode;
  if (!h.noticeStartsOn) state = <Badge status="default" text={t('households.notice.notStarted')} />;
  else if (h.status === 'in_notice' && days !== null && days >= 0)
    state = <Badge status="processing" text={t('households.notice.running', { date: h.noticeEndsOn ?? '-', count: days + 1 })} />;
  else state = <Badge status="success" text={t('households.notice.ended')} />;
  const canResolve = h.status === 'in_notice' && can('household.review');

  return (
    <div data-testid="household-notice">
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 3 }}
        style={{ marginBottom: 24 }}
        items={[
          { key: 'state', label: t('households.notice.state'), children: state },
          { key: 'start', label: t('households.notice.startsOn'), children: dash(h.noticeStartsOn) },
          { key: 'end', label: t('households.notice.endsOn'), children: dash(h.noticeEndsOn) },
        ]}
      />
      <Typography.Title level={2} style={{ fontSize: 15, marginBottom: 12 }}>
        {t('households.notice.objections')}
      </Typography.Title>
      {h.objections.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('households.notice.noObjections')} />
      ) : (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {h.objections.map((o, i) => (
            <Card
              key={o.id}
              size="small"
              data-testid="household-objection"
              title={
                <Space>
                  <span>{t('households.notice.objectionN', { n: i + 1 })}</span>
                  {o.resolvedAt ? (
                    <SoftTag color={o.upheld ? 'red' : 'green'} icon={<CheckCircleOutlined />}>
                      {o.upheld ? t('households.notice.resolvedUpheld') : t('households.notice.resolvedNotUpheld')}
                    </SoftTag>
                  ) : (
                    <SoftTag color="orange" icon={<ExclamationCircleOutlined />}>
                      {t('households.notice.open')}
                    </SoftTag>
                  )}
                </Space>
              }
              extra={
                !o.resolvedAt &&
                canResolve && (
                  <Button type="primary" size="small" onClick={() => onResolve(o)} data-testid="household-objection-resolve">
                    {t('households.notice.resolve')}
                  </Button>
                )
              }
            >
              <Descriptions
                size="small"
                column={{ xs: 1, md: 2 }}
                items={[
                  { key: 'raisedBy', label: t('households.notice.raisedBy'), children: o.raisedBy || t('households.notice.anonymous') },
                  { key: 'raisedAt', label: t('households.notice.raisedAt'), children: formatDateTime(o.raisedAt) },
                  { key: 'content', label: t('households.notice.objectionContent'), span: 2, children: <span style={{ whiteSpace: 'pre-wrap' }}>{o.content}</span> },
                  ...(o.resolvedAt
                    ? [
                        { key: 'resolution', label: t('households.notice.resolution'), span: 1, children: <span style={{ whiteSpace: 'pre-wrap' }}>{o.resolution}</span> },
                        { key: 'resolvedAt', label: t('households.notice.resolvedAt'), span: 1, children: formatDateTime(o.resolvedAt) },
                      ]
                    : []),
                ]}
              />
            </Card>
          ))}
        </Space>
      )}
    </div>
  );
}

/** The extra facts a history entry carries, in words. */
function HistoryDetails({ e }: { e: HouseholdHistoryEntry }) {
  const { t, i18n } = useTranslation();
  const d = e.details ?? {};
  const parts: string[] = [];
  if (Array.isArray(d.changedFields) && d.changedFields.length)
    parts.push(t('households.history.changedFields', { fields: (d.changedFields as string[]).map((f) => fieldLabel(t, f)).join('、') }));
  if (typeof d.toOrgName === 'string') parts.push(t('households.history.toOrg', { org: d.toOrgName }));
  if (typeof d.noticeEndsOn === 'string') parts.push(t('households.history.noticeUntil', { date: d.noticeEndsOn, days: Number(d.noticeDays ?? 0) }));
  if (typeof d.visitDate === 'string') parts.push(t('households.history.visitDate', { date: d.visitDate }));
  if (typeof d.contactDate === 'string') parts.push(t('households.history.contactDate', { date: d.contactDate, method: String(d.method ?? '') }));
  if (typeof d.program === 'string')
    parts.push(t('households.history.aid', { program: d.program, amount: typeof d.amountFen === 'number' ? formatYuan(d.amountFen) : '-' }));
  if (typeof d.attachmentId === 'string' && typeof d.fileName === 'string')
    parts.push(t('households.history.attachment', { kind: codeLabel(AttachmentKind, String(d.kind ?? ''), i18n.language), name: d.fileName }));
  if (typeof d.upheld === 'boolean') parts.push(d.upheld ? t('households.notice.resolvedUpheld') : t('households.notice.resolvedNotUpheld'));
  if (!parts.length) return null;
  return <div style={{ color: 'rgba(0,0,0,0.62)' }}>{parts.join('；')}</div>;
}

const ACTION_COLOR: Record<string, string> = { reject: 'red', close: 'gray', return: 'red', approve: 'green', reopen: 'red', lift: 'green' };

export function HistoryTab({ h }: { h: HouseholdDetail }) {
  const { t } = useTranslation();
  const entries = [...h.history].reverse();
  if (!entries.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('households.history.empty')} />;
  return (
    <Timeline
      data-testid="household-history"
      style={{ marginTop: 8 }}
      items={entries.map((e) => ({
        key: e.id,
        color: ACTION_COLOR[e.action] ?? 'blue',
        content: (
          <div style={{ paddingBottom: 4 }}>
            <Space size={8} wrap>
              <Typography.Text strong>{historyActionLabel(t, e.action)}</Typography.Text>
              {e.toStatus && e.fromStatus !== e.toStatus && (
                <Space size={4}>
                  {e.fromStatus && <HouseholdStatusTag status={e.fromStatus} />}
                  {e.fromStatus && <ArrowRightOutlined style={{ color: '#8c8c8c', fontSize: 12 }} />}
                  <HouseholdStatusTag status={e.toStatus} />
                </Space>
              )}
            </Space>
            {e.reason && (
              <div style={{ marginTop: 4 }}>
                <Typography.Text type="secondary">{t(e.action === 'objection_resolved' ? 'households.history.resolution' : 'households.history.reason')}</Typography.Text>
                <span style={{ whiteSpace: 'pre-wrap' }}>{e.reason}</span>
              </div>
            )}
            <HistoryDetails e={e} />
            <div style={{ marginTop: 2 }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                <ClockCircleOutlined /> {formatDateTime(e.at)} · {t('households.history.actor')}
                <span className="uh-mono">{e.actorName ?? t('households.history.system')}</span>
              </Typography.Text>
            </div>
          </div>
        ),
      }))}
    />
  );
}

const TRANSFER_COLOR: Record<string, string> = { pending: 'processing', accepted: 'success', declined: 'error', cancelled: 'default' };

export function TransfersTab({ h }: { h: HouseholdDetail }) {
  const { t } = useTranslation();
  // Transfers come without org names; the history entry written with each request names the receiving org.
  const requests = h.history.filter((e) => e.action === 'transfer_request');
  const toOrg = (tr: HouseholdTransfer) => {
    const at = new Date(tr.requestedAt).getTime();
    const match = requests.find((e) => Math.abs(new Date(e.at).getTime() - at) < 5000 && typeof e.details?.toOrgName === 'string');
    return match ? String(match.details.toOrgName) : '-';
  };
  const statusLabel = (s: string) =>
    s === 'pending' || s === 'accepted' || s === 'declined' || s === 'cancelled' ? t(`households.transfer.status.${s}`) : s;
  return (
    <>
      {h.transfers.some((tr) => tr.status === 'pending') && (
        <Alert type="info" showIcon title={t('households.transfer.pendingHint')} style={{ marginBottom: 16 }} />
      )}
      <Table<HouseholdTransfer>
        data-testid="household-transfers"
        rowKey="id"
        pagination={false}
        dataSource={h.transfers}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('households.transfer.empty')} /> }}
        columns={[
          { title: t('households.transfer.toOrg'), key: 'toOrg', width: 220, render: (_, tr) => toOrg(tr) },
          { title: t('households.reason.transfer'), dataIndex: 'reason' },
          { title: t('households.transfer.statusLabel'), dataIndex: 'status', width: 110, render: (v: string) => <Badge status={(TRANSFER_COLOR[v] ?? 'default') as 'default'} text={statusLabel(v)} /> },
          { title: t('households.transfer.requestedAt'), dataIndex: 'requestedAt', width: 150, render: (v: string) => formatDateTime(v) },
          { title: t('households.transfer.decidedAt'), dataIndex: 'decidedAt', width: 150, render: (v: string | null) => dash(formatDateTime(v)) },
        ]}
      />
    </>
  );
}

export function SummaryStats({ items }: { items: Array<{ key: string; title: string; value: React.ReactNode }> }) {
  return (
    <Row gutter={[16, 16]}>
      {items.map((c) => (
        <Col key={c.key} flex="1 1 180px">
          <Card size="small" variant="borderless" style={{ background: '#f7f9fc' }}>
            <Typography.Text type="secondary">{c.title}</Typography.Text>
            <div style={{ fontSize: 20, fontWeight: 600, marginTop: 4 }}>{c.value}</div>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
