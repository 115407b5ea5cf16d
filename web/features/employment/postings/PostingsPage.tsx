import { CloudUploadOutlined, GlobalOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { JobCategory, PostingKind, PostingStatus } from '../../../../contracts/employment.js';
import { codeOptions } from '../../../shared/code-labels.js';
import { PageHeader } from '../../../shared/PageHeader.js';
import { useCan } from '../../../shared/session.js';
import { PostingsTable } from './PostingsTable.js';
import { usePostings, type PostingFilter, type PostingStatusKey } from './postings.api.js';

const PAGE_SIZE = 20;

/** 岗位信息 (/job-postings): the postings of the user's subtree (an HR account: its enterprise's), by status, words, category and kind. */
export default function PostingsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const can = useCan();
  const navigate = useNavigate();
  const [sp, setSp] = useSearchParams();
  const filter: PostingFilter = {
    page: Number(sp.get('page') ?? 1) || 1,
    pageSize: PAGE_SIZE,
    status: (sp.get('status') as PostingStatusKey | null) ?? undefined,
    q: sp.get('q') ?? undefined,
    category: sp.get('category') ?? undefined,
    kind: sp.get('kind') ?? undefined,
  };
  const { data, isFetching } = usePostings(filter);
  const setFilter = (key: string, value: string | undefined) =>
    setSp(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        if (key !== 'page') next.delete('page');
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <PageHeader
        title={t('jobs.title')}
        description={t('jobs.description')}
        extra={
          <Space wrap>
            <Button icon={<GlobalOutlined />} href={i18n.language === 'en' ? '/jobs?lang=en' : '/jobs'} target="_blank" data-testid="posting-public-board">
              {t('jobs.publicBoard')}
            </Button>
            {can('job.post') && (
              <>
                <Button icon={<CloudUploadOutlined />} onClick={() => void navigate('/job-postings/import')} data-testid="posting-import">
                  {t('jobs.importPostings')}
                </Button>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/job-postings/new')} data-testid="posting-new">
                  {t('jobs.newPosting')}
                </Button>
              </>
            )}
          </Space>
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search allowClear defaultValue={filter.q} placeholder={t('jobs.searchPlaceholder')} onSearch={(v) => setFilter('q', v.trim() || undefined)} style={{ width: 240 }} data-testid="posting-filter-q" />
          <Select
            allowClear
            value={filter.status}
            placeholder={t('jobs.allStatuses')}
            onChange={(v: string | undefined) => setFilter('status', v)}
            options={codeOptions(PostingStatus, lang)}
            style={{ width: 130 }}
            data-testid="posting-filter-status"
          />
          <Select
            allowClear
            value={filter.category}
            placeholder={t('jobs.allCategories')}
            onChange={(v: string | undefined) => setFilter('category', v)}
            options={codeOptions(JobCategory, lang)}
            style={{ width: 160 }}
            popupMatchSelectWidth={false}
            data-testid="posting-filter-category"
          />
          <Select allowClear value={filter.kind} placeholder={t('jobs.fields.kind')} onChange={(v: string | undefined) => setFilter('kind', v)} options={codeOptions(PostingKind, lang)} style={{ width: 150 }} data-testid="posting-filter-kind" />
        </Space>
        <PostingsTable
          testId="postings-table"
          items={data?.items ?? []}
          loading={isFetching}
          page={filter.page}
          hasMore={!!data?.hasMore}
          onPage={(p) => setFilter('page', p > 1 ? String(p) : undefined)}
          emptyText={t('jobs.empty')}
        />
      </Card>
    </>
  );
}
