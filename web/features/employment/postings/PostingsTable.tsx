import { Button, Space, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { JobCategory, PostingKind } from '../../../../contracts/employment.js';
import { codeLabel } from '../../../shared/code-labels.js';
import { formatDateTime } from '../../../shared/format.js';
import { regionLabel, salaryText } from './posting-view.js';
import { PostingStatusTag } from './PostingStatusTag.js';
import type { PostingDto } from './postings.api.js';

/** A page of postings: title (to its page), enterprise, category, salary, openings, place, valid-until, status; `actions` per row for the review queue. */
export function PostingsTable({
  items,
  loading,
  page,
  hasMore,
  onPage,
  emptyText,
  actions,
  testId,
  linkQuery = '',
}: {
  items: PostingDto[];
  loading: boolean;
  page: number;
  hasMore: boolean;
  onPage: (page: number) => void;
  emptyText: string;
  actions?: (p: PostingDto) => ReactNode;
  testId: string;
  /** Appended to each posting's link (?from=review: its page leads back to the queue). */
  linkQuery?: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <>
      <Table<PostingDto>
        rowKey="id"
        loading={loading}
        dataSource={items}
        pagination={false}
        // The sum of the column widths, so that at 1440 wide the table fits its card and scrolls sideways only on a narrower screen.
        scroll={{ x: actions ? 1080 : 1096 }}
        locale={{ emptyText }}
        data-testid={testId}
        columns={[
          {
            title: t('jobs.fields.title'),
            dataIndex: 'title',
            width: actions ? 160 : 200,
            // A title with no place to break (a model number) wraps inside its column instead of running over the next.
            render: (v: string, p) => (
              <div style={{ overflowWrap: 'anywhere' }}>
                <Link to={`/job-postings/${p.id}${linkQuery}`} data-testid="posting-link" data-posting-id={p.id}>
                  {v}
                </Link>
                {p.kind !== 'regular' && (
                  <Tag color="red" style={{ marginInlineStart: 4 }}>
                    {codeLabel(PostingKind, p.kind, lang)}
                  </Tag>
                )}
              </div>
            ),
          },
          { title: t('jobs.fields.enterprise'), dataIndex: 'enterpriseName', width: actions ? 160 : 190, ellipsis: true },
          { title: t('jobs.fields.category'), dataIndex: 'category', width: 120, ellipsis: true, render: (v: string) => codeLabel(JobCategory, v, lang) },
          { title: t('jobs.fields.salary'), width: 150, render: (_, p) => salaryText(t, p.salaryMinFen, p.salaryMaxFen) },
          // The review queue leaves openings and place to the posting's page: its three buttons need the room.
          ...(actions
            ? []
            : [
                { title: t('jobs.fields.openings'), dataIndex: 'openings', width: 96, align: 'right' as const },
                { title: t('jobs.fields.region'), dataIndex: 'regionCode', width: 110, render: (v: string) => regionLabel(v, lang) },
              ]),
          { title: t('jobs.fields.validUntil'), dataIndex: 'validUntil', width: 110 },
          actions
            ? { title: t('jobs.fields.submittedAt'), dataIndex: 'submittedAt', width: 140, render: (v: string | null) => formatDateTime(v) }
            : { title: t('jobs.fields.status'), dataIndex: 'status', width: 120, render: (v: PostingDto['status']) => <PostingStatusTag status={v} /> },
          ...(actions ? [{ title: t('common.actions'), key: 'actions', width: 240, fixed: 'right' as const, render: (_: unknown, p: PostingDto) => actions(p) }] : []),
        ]}
      />
      {(page > 1 || hasMore) && (
        <Space style={{ marginTop: 16, display: 'flex', justifyContent: 'flex-end' }}>
          <Button disabled={page <= 1} onClick={() => onPage(page - 1)} data-testid="postings-prev">
            {t('jobs.board.previous')}
          </Button>
          <Typography.Text>{t('jobs.board.page', { page })}</Typography.Text>
          <Button disabled={!hasMore} onClick={() => onPage(page + 1)} data-testid="postings-next">
            {t('jobs.board.next')}
          </Button>
        </Space>
      )}
    </>
  );
}
