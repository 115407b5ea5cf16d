import { Badge, Button, Card, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../shared/PageHeader.js';
import { PostingsTable } from './PostingsTable.js';
import { PostingStepModal } from './PostingStepModal.js';
import { useAwaitingReview, usePostings, type PostingDto } from './postings.api.js';

const PAGE_SIZE = 20;

/** 岗位审核 (/job-postings/review): submitted postings of the officer's subtree, longest waiting first, each approved, returned or rejected here or on its page. */
export default function PostingReviewPage() {
  const { t } = useTranslation();
  const [sp, setSp] = useSearchParams();
  const page = Number(sp.get('page') ?? 1) || 1;
  const { data, isFetching } = usePostings({ page, pageSize: PAGE_SIZE, status: 'submitted' });
  const { data: awaiting } = useAwaitingReview();
  const [acting, setActing] = useState<{ posting: PostingDto; step: 'approve' | 'return' | 'reject' } | null>(null);

  return (
    <>
      <PageHeader
        title={
          <Space>
            {t('jobs.reviewTitle')}
            <Badge count={awaiting?.count ?? 0} overflowCount={999} data-testid="review-count" />
          </Space>
        }
        description={t('jobs.reviewDescription')}
      />
      <Card>
        <PostingsTable
          testId="review-table"
          linkQuery="?from=review"
          items={data?.items ?? []}
          loading={isFetching}
          page={page}
          hasMore={!!data?.hasMore}
          onPage={(p) => setSp(p > 1 ? { page: String(p) } : {}, { replace: true })}
          emptyText={t('jobs.reviewEmpty')}
          actions={(p) => (
            <Space size={4}>
              <Button size="small" type="primary" onClick={() => setActing({ posting: p, step: 'approve' })} data-testid="review-approve">
                {t('jobs.detail.approve')}
              </Button>
              <Button size="small" onClick={() => setActing({ posting: p, step: 'return' })} data-testid="review-return">
                {t('jobs.detail.return')}
              </Button>
              <Button size="small" danger onClick={() => setActing({ posting: p, step: 'reject' })} data-testid="review-reject">
                {t('jobs.detail.reject')}
              </Button>
            </Space>
          )}
        />
      </Card>
      <PostingStepModal posting={acting?.posting ?? null} step={acting?.step ?? null} onClose={() => setActing(null)} />
    </>
  );
}
