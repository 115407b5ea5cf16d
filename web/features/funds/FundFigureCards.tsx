import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatWanYuan, formatYuan } from '../../shared/format.js';
import { identityHolds } from './fund-totals.js';
import type { FundBySource, FundDto } from './funds.api.js';

const SOURCES: Array<keyof FundBySource> = ['donations', 'enterprise', 'budget', 'allocationsIn'];

function Figure({ title, fen, testId, children }: { title: string; fen: number; testId: string; children?: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card size="small" style={{ height: '100%' }}>
      {/* Sized to keep a city's 万元 figure (214.9136 万元) on one line in the narrow cards. */}
      <Statistic title={title} value={t('funds.wanYuan', { value: formatWanYuan(fen, { unit: false }) })} styles={{ content: { fontSize: 20, whiteSpace: 'nowrap' } }} />
      <Typography.Text type="secondary" data-testid={testId}>
        {formatYuan(fen)}
      </Typography.Text>
      {children}
    </Card>
  );
}

/** A fund's figures in 万元 (exact 元 beneath), 筹集 by source, and the check 筹集 = 下拨 + 发放 + 余额. */
export function FundFigureCards({ fund }: { fund: FundDto }) {
  const { t } = useTranslation();
  const holds = identityHolds(fund);
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} md={12} xl={6}>
        <Figure title={t('funds.fields.raised')} fen={fund.raisedFen} testId="fund-raised">
          <div style={{ marginTop: 8, fontSize: 12 }}>
            {SOURCES.map((s) => (
              <div key={s} style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                <Typography.Text type="secondary">{t(`funds.sources.${s}`)}</Typography.Text>
                <span data-testid={`fund-source-${s}`}>{formatYuan(fund.bySource[s])}</span>
              </div>
            ))}
          </div>
        </Figure>
      </Col>
      <Col xs={12} md={6} xl={4}>
        <Figure title={t('funds.fields.allocatedOut')} fen={fund.allocatedOutFen} testId="fund-allocated" />
      </Col>
      <Col xs={12} md={6} xl={4}>
        <Figure title={t('funds.fields.paid')} fen={fund.paidFen} testId="fund-paid" />
      </Col>
      <Col xs={12} md={12} xl={5}>
        <Figure title={t('funds.fields.balance')} fen={fund.balanceFen} testId="fund-balance" />
      </Col>
      <Col xs={12} md={12} xl={5}>
        <Card size="small" style={{ height: '100%' }}>
          <Typography.Text type="secondary">{t('funds.figures.identity')}</Typography.Text>
          <div style={{ marginTop: 12, fontSize: 20 }} data-testid="fund-identity">
            <span style={{ color: holds ? '#389e0d' : '#cf1322' }}>{holds ? `✓ ${t('funds.figures.holds')}` : `✗ ${t('funds.figures.broken')}`}</span>
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {`${formatYuan(fund.raisedFen)} = ${formatYuan(fund.allocatedOutFen)} + ${formatYuan(fund.paidFen)} + ${formatYuan(fund.balanceFen)}`}
          </Typography.Text>
        </Card>
      </Col>
    </Row>
  );
}
