import { ArrowLeftOutlined, CheckOutlined, CloseCircleOutlined, EditOutlined, GlobalOutlined, RollbackOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { Education, Experience, JobCategory, PostingKind } from '../../../../contracts/employment.js';
import { codeLabel } from '../../../shared/code-labels.js';
import { formatDateTime } from '../../../shared/format.js';
import { PageHeader } from '../../../shared/PageHeader.js';
import { PageSpinner } from '../../../shared/PageSpinner.js';
import { useCan } from '../../../shared/session.js';
import { useReportError } from '../../../shared/useReportError.js';
import { PostingMatchesTab } from '../seekers/PostingMatchesTab.js';
import { canClose, canEdit, chinaToday, postingErrorMessage, regionLabel, salaryText } from './posting-view.js';
import { PostingStatusTag } from './PostingStatusTag.js';
import { PostingStepModal } from './PostingStepModal.js';
import { usePosting, usePostingStep } from './postings.api.js';

/**
 * 岗位 (/job-postings/:id): the posting, its review state and note, and the steps its status and the
 * user's permissions allow: edit and submit (job.post), approve / return / reject (job.publish), close;
 * a published posting links to its public page, and a jobs officer ranks seekers for it.
 */
export default function PostingDetailPage() {
  const { id } = useParams();
  const [sp] = useSearchParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const can = useCan();
  const { message } = App.useApp();
  const { data: p, isLoading, error } = usePosting(id);
  const step = usePostingStep();
  const report = useReportError(postingErrorMessage);
  const [dialog, setDialog] = useState<'approve' | 'return' | 'reject' | 'close' | null>(null);
  const fromReview = sp.get('from') === 'review';

  if (isLoading) return <PageSpinner />;
  if (!p) return <Alert type="error" showIcon title={postingErrorMessage(t, error)} />;

  const lapsed = p.validUntil < chinaToday();
  const submit = async () => {
    try {
      await step.mutateAsync({ id: p.id, step: 'submit' });
      void message.success(t('jobs.form.submitted'));
    } catch (err) {
      report(err);
    }
  };

  return (
    <>
      <PageHeader
        title={
          <Space size={8} wrap>
            <span data-testid="posting-title-text">{p.title}</span>
            <PostingStatusTag status={p.status} />
            {p.kind !== 'regular' && <Tag color="red">{codeLabel(PostingKind, p.kind, lang)}</Tag>}
          </Space>
        }
        description={`${p.enterpriseName} · ${p.orgName}`}
        extra={
          <Space wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(fromReview ? '/job-postings/review' : '/job-postings')}>
              {t(fromReview ? 'jobs.detail.backToReview' : 'jobs.detail.back')}
            </Button>
            {p.status === 'published' && (
              <Button icon={<GlobalOutlined />} href={`/jobs/${p.id}`} target="_blank" data-testid="posting-view-board">
                {t('jobs.detail.viewOnBoard')}
              </Button>
            )}
            {can('job.post') && canEdit(p.status) && (
              <>
                <Button icon={<EditOutlined />} onClick={() => void navigate(`/job-postings/${p.id}/edit`)} data-testid="posting-edit">
                  {t('jobs.detail.edit')}
                </Button>
                <Button type="primary" icon={<SendOutlined />} loading={step.isPending} disabled={lapsed} onClick={() => void submit()} data-testid="posting-submit-review">
                  {t('jobs.detail.submit')}
                </Button>
              </>
            )}
            {can('job.publish') && p.status === 'submitted' && (
              <>
                <Button type="primary" icon={<CheckOutlined />} disabled={lapsed} onClick={() => setDialog('approve')} data-testid="posting-approve">
                  {t('jobs.detail.approve')}
                </Button>
                <Button icon={<RollbackOutlined />} onClick={() => setDialog('return')} data-testid="posting-return">
                  {t('jobs.detail.return')}
                </Button>
                <Button danger icon={<CloseCircleOutlined />} onClick={() => setDialog('reject')} data-testid="posting-reject">
                  {t('jobs.detail.reject')}
                </Button>
              </>
            )}
            {can('job.post') && canClose(p.status) && (
              <Button danger icon={<StopOutlined />} onClick={() => setDialog('close')} data-testid="posting-close">
                {t('jobs.detail.close')}
              </Button>
            )}
          </Space>
        }
      />
      {p.status === 'returned' && <Alert type="warning" showIcon title={t('jobs.detail.returnedHint')} description={p.reviewNote} style={{ marginBottom: 16 }} data-testid="posting-review-note" />}
      {p.status === 'rejected' && <Alert type="error" showIcon title={t('jobs.detail.rejectedHint')} description={p.reviewNote} style={{ marginBottom: 16 }} data-testid="posting-review-note" />}
      {lapsed && (canEdit(p.status) || p.status === 'submitted') && <Alert type="warning" showIcon title={t('jobs.detail.lapsed')} style={{ marginBottom: 16 }} />}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
          <Descriptions.Item label={t('jobs.fields.enterprise')}>{p.enterpriseName}</Descriptions.Item>
          <Descriptions.Item label={t('jobs.fields.category')}>{codeLabel(JobCategory, p.category, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('jobs.fields.kind')}>{codeLabel(PostingKind, p.kind, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('jobs.fields.salary')}>
            <span data-testid="posting-salary">{salaryText(t, p.salaryMinFen, p.salaryMaxFen)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('jobs.fields.openings')}>{p.openings}</Descriptions.Item>
          <Descriptions.Item label={t('jobs.fields.region')}>{regionLabel(p.regionCode, i18n.language)}</Descriptions.Item>
          <Descriptions.Item label={t('jobs.fields.education')}>{codeLabel(Education, p.education, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('jobs.fields.experience')}>{codeLabel(Experience, p.experience, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('jobs.fields.validUntil')}>{p.validUntil}</Descriptions.Item>
          <Descriptions.Item label={t('jobs.fields.contactName')}>{p.contactName}</Descriptions.Item>
          <Descriptions.Item label={t('jobs.fields.contactPhone')}>
            <span className="uh-mono">{p.contactPhone}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('jobs.fields.submittedAt')}>{formatDateTime(p.submittedAt) || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('jobs.fields.publishedAt')}>{formatDateTime(p.publishedAt) || '—'}</Descriptions.Item>
          {p.reviewNote && p.status !== 'returned' && p.status !== 'rejected' && <Descriptions.Item label={t('jobs.fields.reviewNote')}>{p.reviewNote}</Descriptions.Item>}
        </Descriptions>
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t('jobs.fields.description')}
        </Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="posting-description-text">
          {p.description}
        </Typography.Paragraph>
      </Card>
      {can('job.match') && p.status === 'published' && (
        <Card title={t('jobs.detail.matches')}>
          <PostingMatchesTab postingId={p.id} postingTitle={p.title} referable={!lapsed} />
        </Card>
      )}
      <PostingStepModal posting={dialog ? p : null} step={dialog} onClose={() => setDialog(null)} />
    </>
  );
}
