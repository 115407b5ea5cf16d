import { Alert, Button, Card, Col, Empty, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignRules, RulePreview } from '../../../../contracts/campaigns.js';
import { SchoolStage } from '../../../../contracts/households.js';
import { formatWanYuan, formatYuan } from '../../../shared/format.js';
import { useReportError } from '../../../shared/useReportError.js';
import { codeLabel } from '../campaign-labels.js';
import { useRulePreview } from './rules-preview.api.js';

type OrgRow = RulePreview['byOrg'][number];
type StageRow = RulePreview['byStage'][number];
type ReasonRow = RulePreview['reasons'][number];

const ratio = (c: { qualifying: number; inScope: number } | null) => (c ? `${c.qualifying.toLocaleString()} / ${c.inScope.toLocaleString()}` : '');

/**
 * 规则试算: how many households and students in the user's area qualify under the campaign's saved
 * rules, or under `rules` (being edited, not saved; previewed as soon as they are given), by
 * participant and by stage, with the estimated amount and why the others do not qualify.
 */
export default function RulesPreviewPanel({ campaignId, rules }: { campaignId: string; rules?: CampaignRules }) {
  const { t, i18n } = useTranslation();
  const preview = useRulePreview(campaignId);
  const reportError = useReportError();
  const run = () => preview.mutate(rules, { onError: (err) => reportError(err) });
  // Rules handed over by the editor are previewed at once; the saved ones on the button.
  useEffect(() => {
    if (rules) run();
  }, [rules]); // eslint-disable-line react-hooks/exhaustive-deps -- `run` is new each render; only new rules matter
  const p = preview.data;

  return (
    <Card
      title={t('rulesPreview.title')}
      extra={
        <Button type="primary" onClick={run} loading={preview.isPending} data-testid="rules-preview-run">
          {p ? t('rulesPreview.rerun') : t('rulesPreview.run')}
        </Button>
      }
      data-testid="rules-preview"
    >
      <Typography.Paragraph type="secondary">{t('rulesPreview.hint')}</Typography.Paragraph>
      {!p ? (
        <Empty description={t('rulesPreview.notRun')} />
      ) : (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Tag color={p.rulesVersion === null ? 'orange' : 'blue'} data-testid="rules-preview-basis">
            {p.rulesVersion === null ? t('rulesPreview.basisUnsaved') : t('rulesPreview.basisSaved', { version: p.rulesVersion })}
          </Tag>
          <Row gutter={[24, 16]}>
            <Col xs={24} md={8} data-testid="rules-preview-households">
              <Statistic title={t('rulesPreview.households')} value={p.households.qualifying} suffix={t('rulesPreview.householdUnit')} />
              <Typography.Text type="secondary">{t('rulesPreview.ofInScope', { n: p.households.inScope.toLocaleString() })}</Typography.Text>
            </Col>
            {p.students && (
              <Col xs={24} md={8} data-testid="rules-preview-students">
                <Statistic title={t('rulesPreview.students')} value={p.students.qualifying} suffix={t('rulesPreview.studentUnit')} />
                <Typography.Text type="secondary">{t('rulesPreview.ofInScope', { n: p.students.inScope.toLocaleString() })}</Typography.Text>
              </Col>
            )}
            <Col xs={24} md={8} data-testid="rules-preview-amount">
              <Statistic title={t('rulesPreview.amount')} value={formatWanYuan(p.estimatedAmountFen)} />
            </Col>
          </Row>
          {p.exclusionsAtApplication.length > 0 && (
            <Alert
              type="info"
              showIcon
              message={t('rulesPreview.exclusionsAtApplication', { list: p.exclusionsAtApplication.map((e) => t(`rulesPreview.exclusion.${e}`)).join(t('rulesPreview.listSeparator')) })}
            />
          )}
          <div>
            <Typography.Title level={5}>{t('rulesPreview.byOrg')}</Typography.Title>
            <Table<OrgRow>
              rowKey="orgId"
              size="small"
              pagination={false}
              dataSource={p.byOrg}
              locale={{ emptyText: t('rulesPreview.noData') }}
              data-testid="rules-preview-by-org"
              columns={[
                { title: t('rulesPreview.columns.org'), dataIndex: 'orgName' },
                { title: t('rulesPreview.columns.households'), key: 'households', align: 'right', render: (_: unknown, r) => ratio(r.households) },
                ...(p.students ? [{ title: t('rulesPreview.columns.students'), key: 'students', align: 'right' as const, render: (_: unknown, r: OrgRow) => ratio(r.students) }] : []),
                { title: t('rulesPreview.columns.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => formatYuan(v) },
              ]}
            />
          </div>
          {p.students && (
            <div>
              <Typography.Title level={5}>{t('rulesPreview.byStage')}</Typography.Title>
              <Table<StageRow>
                rowKey="stage"
                size="small"
                pagination={false}
                dataSource={p.byStage}
                data-testid="rules-preview-by-stage"
                columns={[
                  { title: t('rulesPreview.columns.stage'), dataIndex: 'stage', render: (v: string) => codeLabel(SchoolStage, v, i18n.language) },
                  { title: t('rulesPreview.columns.studentsInScope'), dataIndex: 'students', align: 'right', render: (v: number) => v.toLocaleString() },
                  { title: t('rulesPreview.columns.qualifying'), dataIndex: 'qualifying', align: 'right', render: (v: number) => v.toLocaleString() },
                  { title: t('rulesPreview.columns.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => formatYuan(v) },
                ]}
              />
            </div>
          )}
          <div>
            <Typography.Title level={5}>{t('rulesPreview.reasons')}</Typography.Title>
            <Typography.Paragraph type="secondary">{t('rulesPreview.reasonsHint')}</Typography.Paragraph>
            <Table<ReasonRow>
              rowKey="reason"
              size="small"
              pagination={false}
              dataSource={p.reasons}
              data-testid="rules-preview-reasons"
              columns={[
                { title: t('rulesPreview.columns.reason'), dataIndex: 'reason', render: (v: ReasonRow['reason']) => t(`rulesPreview.reason.${v}`) },
                {
                  title: p.students ? t('rulesPreview.columns.students_count') : t('rulesPreview.columns.households_count'),
                  key: 'count',
                  align: 'right',
                  render: (_: unknown, r) =>
                    r.students !== undefined ? t('rulesPreview.countStudents', { n: r.students.toLocaleString() }) : t('rulesPreview.countHouseholds', { n: (r.households ?? 0).toLocaleString() }),
                },
              ]}
            />
          </div>
        </Space>
      )}
    </Card>
  );
}
