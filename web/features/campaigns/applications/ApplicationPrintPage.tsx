import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Result, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { FiveClear, NationalAid, SchoolKind } from '../../../../contracts/campaigns.js';
import { SchoolStage } from '../../../../contracts/households.js';
import { formatDate, formatDateTime, formatYuan } from '../../../shared/format.js';
import { PageSpinner } from '../../../shared/PageSpinner.js';
import { codeLabel } from '../campaign-labels.js';
import { useCampaign } from '../campaigns.api.js';
import { applicationErrorMessage } from './application-errors.js';
import { useApplication, type ApplicationDetail } from './applications.api.js';
import { amountChange, standingApprovals } from './approval-steps.js';
import './application-print.css';

function Cell({ label, children, span = 1 }: { label: string; children: ReactNode; span?: number }) {
  return (
    <>
      <th>{label}</th>
      <td colSpan={span}>{children}</td>
    </>
  );
}

function ApprovalRows({ a }: { a: ApplicationDetail }) {
  const { t } = useTranslation();
  return (
    <>
      {standingApprovals(a.events).map(({ action, event }) => {
        const change = event ? amountChange(event) : null;
        const opinion = !event
          ? ''
          : action === 'start_notice'
            ? a.noticeStartsOn && a.noticeEndsOn
              ? t('applications.print.noticeFrom', { from: a.noticeStartsOn, to: a.noticeEndsOn })
              : ''
            : [
                event.reason ?? (action === 'submit' ? '' : t('applications.print.agree')),
                change ? t('applications.history.amountChanged', { from: formatYuan(change.previousAmountFen ?? 0), to: formatYuan(change.amountFen) }) + (change.reason ? `（${change.reason}）` : '') : '',
                action === 'approve_city' && a.approvedAmountFen !== null ? t('applications.history.approvedAmount', { amount: formatYuan(a.approvedAmountFen) }) : '',
              ]
                .filter(Boolean)
                .join('；');
        return (
          <tr key={action} className="uh-print-approval" data-testid={`print-approval-${action}`}>
            <th>{t(`applications.print.stepLabel.${action}`)}</th>
            <td colSpan={3} className="uh-print-opinion">
              <div>{opinion}</div>
              <div className="uh-print-meta">
                {t('applications.print.handler')}：<span className="uh-print-blank">{event?.actorName ?? ''}</span>
                {t('applications.print.date')}：<span className="uh-print-blank">{event ? formatDate(event.at) : ''}</span>
              </div>
            </td>
            <th>{t('applications.print.signature')}</th>
            <td className="uh-print-seal" />
          </tr>
        );
      })}
    </>
  );
}

/** 金秋助学申请审批表: the application and its approvals on one A4 sheet, to print, sign and seal. */
export default function ApplicationPrintPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const { id } = useParams();
  const { data: a, isLoading, error } = useApplication(id);
  const { data: campaign } = useCampaign(a?.campaignId);
  if (isLoading) return <PageSpinner />;
  if (error || !a) return <Result status="warning" title={applicationErrorMessage(t, error)} />;
  const u = a.unfiledDetails;
  const yesNo = (v: boolean) => (v ? t('common.yes') : t('common.no'));

  return (
    <div className="uh-print-page">
      <div className="no-print uh-print-toolbar">
        <Space>
          <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(`/applications/${a.id}`)}>
            {t('applications.print.back')}
          </Button>
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print-button">
            {t('applications.print.print')}
          </Button>
        </Space>
      </div>
      <div className="uh-print-paper" data-testid="print-paper">
        <h1>{t('applications.print.title')}</h1>
        <div className="uh-print-sub">
          <span>
            {t('applications.print.campaign')}：{campaign?.name ?? ''}
          </span>
          <span>
            {t('applications.fields.org')}：{a.orgName}
          </span>
          <span>
            {t('applications.print.no')}：<span className="uh-mono">{a.applicationNo}</span>
          </span>
        </div>
        <table className="uh-print-table">
          <colgroup>
            <col style={{ width: '13%' }} />
            <col style={{ width: '18%' }} />
            <col style={{ width: '14%' }} />
            <col style={{ width: '22%' }} />
            <col style={{ width: '14%' }} />
            <col style={{ width: '19%' }} />
          </colgroup>
          <tbody>
            <tr>
              <Cell label={t('applications.fields.student')}>{a.studentName}</Cell>
              <Cell label={t('applications.fields.studentId')}>
                <span className="uh-mono">{a.studentIdMasked}</span>
              </Cell>
              <Cell label={t('applications.fields.schoolStage')}>{codeLabel(SchoolStage, a.schoolStage, lang)}</Cell>
            </tr>
            <tr>
              <Cell label={t('applications.fields.school')} span={3}>
                {a.schoolName}
                {a.major ? ` · ${a.major}` : ''}
              </Cell>
              <Cell label={t('applications.fields.admissionYear')}>{a.admissionYear}</Cell>
            </tr>
            <tr>
              <Cell label={t('applications.print.applicant')}>{a.applicantName}</Cell>
              <Cell label={t('applications.fields.applicantId')}>
                <span className="uh-mono">{a.applicantIdMasked ?? ''}</span>
              </Cell>
              <Cell label={t('applications.fields.applicantPhone')}>
                <span className="uh-mono">{a.applicantPhoneMasked ?? ''}</span>
              </Cell>
            </tr>
            <tr>
              <Cell label={t('applications.fields.filed')}>{a.filed ? t('applications.fields.filedShort') : t('applications.fields.unfiledShort')}</Cell>
              <Cell label={t('applications.fields.householdSize')}>{u ? t('applications.persons', { count: u.householdSize }) : ''}</Cell>
              <Cell label={t('applications.fields.incomePerHead')}>{formatYuan(a.incomePerHeadMonthlyFen)}</Cell>
            </tr>
            {u && (
              <tr>
                <Cell label={t('applications.fields.hardship')} span={5}>
                  {u.hardship}
                </Cell>
              </tr>
            )}
            <tr>
              <Cell label={t('applications.print.fees')} span={3}>
                {t('applications.print.feesValue', { tuition: formatYuan(a.tuitionFen), other: formatYuan(a.otherFeesFen) })}
              </Cell>
              <Cell label={t('applications.fields.schoolKind')}>{codeLabel(SchoolKind, a.schoolKind, lang)}</Cell>
            </tr>
            <tr>
              <Cell label={t('applications.print.nationalAid')} span={3}>
                {a.nationalAid.length ? a.nationalAid.map((k) => codeLabel(NationalAid, k, lang)).join('、') : t('applications.detail.noNationalAid')}
              </Cell>
              <Cell label={t('applications.print.governmentAided')}>{yesNo(a.governmentAided)}</Cell>
            </tr>
            <tr>
              <th>{t('applications.print.fiveClears')}</th>
              <td colSpan={5} className="uh-print-clears">
                {FiveClear.keys.map((k) => (
                  <div key={k}>
                    <span className="uh-print-box">{a.fiveClears?.[k]?.checked ? '☑' : '☐'}</span>
                    <strong>{codeLabel(FiveClear, k, lang)}</strong>
                    {a.fiveClears?.[k]?.note ? `：${a.fiveClears[k].note}` : ''}
                  </div>
                ))}
              </td>
            </tr>
            <tr>
              <th>{t('applications.print.homeVisit')}</th>
              <td colSpan={5}>
                {a.homeVisit ? (
                  <>
                    <div>
                      {a.homeVisit.visitDate} · {a.homeVisit.visitors}
                    </div>
                    <div className="uh-print-prose">{a.homeVisit.findings}</div>
                  </>
                ) : (
                  ''
                )}
              </td>
            </tr>
            <tr>
              <Cell label={t('applications.print.wish')} span={5}>
                <span className="uh-print-prose">{a.wish ?? ''}</span>
              </Cell>
            </tr>
            <tr>
              <th>{t('applications.print.amounts')}</th>
              <td colSpan={3}>
                {t('applications.print.amountsValue', {
                  proposed: formatYuan(a.proposedAmountFen),
                  asked: formatYuan(a.amountFen),
                  approved: a.approvedAmountFen === null ? t('applications.detail.notApproved') : formatYuan(a.approvedAmountFen),
                })}
                {a.amountReason && <div className="uh-print-meta">{t('applications.detail.amountDiffers', { reason: a.amountReason })}</div>}
              </td>
              <Cell label={t('applications.print.inKind')}>{a.inKindItems.length ? a.inKindItems.map((i) => `${i.item}×${i.quantity}`).join('、') : t('applications.detail.noInKind')}</Cell>
            </tr>
            <tr>
              <th>{t('applications.print.applicantSign')}</th>
              <td colSpan={3} className="uh-print-seal" />
              <th>{t('applications.print.date')}</th>
              <td />
            </tr>
            <tr>
              <th colSpan={6} className="uh-print-section">
                {t('applications.print.approvals')}
              </th>
            </tr>
            <ApprovalRows a={a} />
          </tbody>
        </table>
        <div className="uh-print-foot">
          <span>{t('applications.print.footer')}</span>
          <span>
            {t('applications.print.printedAt')}：{formatDateTime(new Date())}
          </span>
        </div>
      </div>
    </div>
  );
}
