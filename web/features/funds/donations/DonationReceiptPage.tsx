import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Result, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { DonationChannel } from '../../../../contracts/donations.js';
import { codeLabel } from '../../../shared/code-labels.js';
import { formatDate, formatDateTime, formatYuan } from '../../../shared/format.js';
import { PageSpinner } from '../../../shared/PageSpinner.js';
import { donationErrorMessage } from './donation-errors.js';
import { useReceipt } from './donations.api.js';
import './donation-receipt.css';

/** 捐赠收据: one gift's numbered receipt on half an A4 sheet, to print, sign and seal; a refunded one is stamped 已退款. */
export default function DonationReceiptPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { id } = useParams();
  const { data: r, isLoading, error } = useReceipt(id);
  if (isLoading) return <PageSpinner />;
  if (error || !r) return <Result status="warning" title={donationErrorMessage(t, error)} />;
  const donor = r.donorName ?? t('donations.public.anonymous');
  return (
    <div>
      <div className="no-print uh-receipt-toolbar">
        <Space>
          <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(`/donation-drives/${r.driveId}`)}>
            {t('donations.receipt.back')}
          </Button>
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="receipt-print">
            {t('donations.receipt.print')}
          </Button>
        </Space>
      </div>
      <div className="uh-receipt" data-testid="receipt-paper">
        {r.status === 'refunded' && (
          <div className="uh-receipt-stamp" data-testid="receipt-refunded">
            {t('donations.receipt.refunded')}
          </div>
        )}
        <h1>{t('donations.receipt.title')}</h1>
        <div className="uh-receipt-head">
          <span>
            {t('donations.receipt.date')}{t('donations.receipt.colon')}{r.receivedOn}
          </span>
          <span>
            {t('donations.receipt.no')} <span className="uh-receipt-no" data-testid="receipt-no">{r.receiptNo}</span>
          </span>
        </div>
        <table>
          <tbody>
            <tr>
              <th>{t('donations.receipt.donor')}</th>
              <td colSpan={3} data-testid="receipt-donor">
                {donor}
              </td>
            </tr>
            {r.donorUnit && (
              <tr>
                <th>{t('donations.receipt.unit')}</th>
                <td colSpan={3}>{r.donorUnit}</td>
              </tr>
            )}
            <tr>
              <th>{t('donations.receipt.amountWords')}</th>
              <td colSpan={3}>
                <span className="uh-receipt-words" data-testid="receipt-words">
                  {r.amountInWords}
                </span>
                <span className="uh-receipt-figures" data-testid="receipt-figures">
                  {t('donations.receipt.amountFigures')} {formatYuan(r.amountFen)}
                </span>
              </td>
            </tr>
            <tr>
              <th>{t('donations.receipt.purpose')}</th>
              <td colSpan={3}>{r.purpose ? `${r.fundName}（${r.purpose}）` : r.fundName}</td>
            </tr>
            <tr>
              <th>{t('donations.receipt.drive')}</th>
              <td>{r.driveName}</td>
              <th>{t('donations.receipt.channel')}</th>
              <td>{codeLabel(DonationChannel, r.channel, i18n.language)}</td>
            </tr>
            {r.status === 'refunded' && (
              <tr>
                <td colSpan={4} style={{ color: '#cf1322' }}>
                  {t('donations.receipt.refundedNote', { date: formatDate(r.refundedAt), reason: r.refundReason ?? '' })}
                </td>
              </tr>
            )}
          </tbody>
        </table>
        <p className="uh-receipt-thanks">{t('donations.receipt.thanks')}</p>
        <div className="uh-receipt-foot">
          <div>
            <div>
              {t('donations.receipt.issuer')}{t('donations.receipt.colon')}<strong data-testid="receipt-issuer">{r.issuer}</strong>
            </div>
            <div style={{ marginTop: 12 }}>
              {t('donations.receipt.handler')}{t('donations.receipt.colon')}{r.createdByName ?? ''}
            </div>
          </div>
          <div className="uh-receipt-seal">{t('donations.receipt.issuer')}</div>
        </div>
        <div className="uh-receipt-copy">
          <span>{t('donations.receipt.copy')}</span>
          <span>
            {t('donations.receipt.printedAt')}{t('donations.receipt.colon')}{formatDateTime(new Date())}
          </span>
        </div>
      </div>
    </div>
  );
}
