import { SearchOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PolicyCategory } from '../../../../contracts/employment.js';
import { codeLabel, codeOptions } from '../../../shared/code-labels.js';
import { formatDate } from '../../../shared/format.js';
import { usePublicPolicies, type PublicPolicyLine } from './policies.api.js';
import { PublicShell } from './PublicShell.js';

/** 政策发布 for anyone (no sign-in), made for a phone: search by words, pick a category, newest first. */
export default function PublicPoliciesPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const category = params.get('category') ?? undefined;
  const [draft, setDraft] = useState(q);
  const [pages, setPages] = useState(1);
  const [lines, setLines] = useState<PublicPolicyLine[]>([]);
  const { data, isFetching, isLoading } = usePublicPolicies({ q: q || undefined, category, page: pages });
  useEffect(() => setDraft(q), [q]);
  useEffect(() => {
    setPages(1);
    setLines([]);
  }, [q, category]);
  useEffect(() => {
    if (!data || data.page !== pages) return;
    setLines((prev) => (pages === 1 ? data.items : [...prev.filter((l) => !data.items.some((d) => d.id === l.id)), ...data.items]));
  }, [data, pages]);

  const set = (next: { q?: string; category?: string }) => {
    const p = new URLSearchParams();
    const nq = next.q ?? q;
    const nc = 'category' in next ? next.category : category;
    if (nq.trim()) p.set('q', nq.trim());
    if (nc) p.set('category', nc);
    setParams(p, { replace: true });
  };
  const total = data?.total ?? 0;

  return (
    <PublicShell title={t('policies.public.title')} testId="public-policies">
      <Input.Search
        size="large"
        allowClear
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onSearch={(v) => set({ q: v })}
        placeholder={t('policies.public.searchPlaceholder')}
        enterButton={<SearchOutlined aria-label={t('policies.public.search')} />}
        maxLength={50}
        data-testid="public-policies-search"
      />
      <div style={{ display: 'flex', gap: 6, overflowX: 'auto', padding: '12px 0 4px', WebkitOverflowScrolling: 'touch' }} data-testid="public-policies-categories">
        {[{ value: undefined as string | undefined, label: t('policies.public.allCategories') }, ...codeOptions(PolicyCategory, lang)].map((c) => (
          <Tag.CheckableTag key={c.value ?? 'all'} checked={category === c.value} onChange={() => set({ category: c.value })} style={{ fontSize: 14, padding: '4px 10px', whiteSpace: 'nowrap', border: '1px solid #d9d9d9' }}>
            {c.label}
          </Tag.CheckableTag>
        ))}
      </div>
      <Typography.Text type="secondary" style={{ display: 'block', margin: '8px 0' }} data-testid="public-policies-count">
        {t('policies.public.count', { total })}
      </Typography.Text>
      {isLoading ? (
        <div style={{ textAlign: 'center', padding: 48 }}>
          <Spin />
        </div>
      ) : lines.length === 0 ? (
        <Card>
          <Empty description={t('policies.public.empty')} />
        </Card>
      ) : (
        <Space direction="vertical" size={10} style={{ width: '100%' }}>
          {lines.map((p) => (
            <Link key={p.id} to={`/policies/${p.id}`} data-testid="public-policy-item" style={{ color: 'inherit' }}>
              <Card size="small" hoverable styles={{ body: { padding: 14 } }}>
                <Tag color="red" bordered={false}>
                  {codeLabel(PolicyCategory, p.category, lang)}
                </Tag>
                <Typography.Title level={2} style={{ fontSize: 17, margin: '6px 0', lineHeight: 1.45 }}>
                  {p.title}
                </Typography.Title>
                {p.summary && (
                  <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 6, fontSize: 14 }}>
                    {p.summary}
                  </Typography.Paragraph>
                )}
                <div style={{ display: 'flex', flexWrap: 'wrap', gap: '2px 12px', color: 'rgba(0,0,0,0.45)', fontSize: 13 }}>
                  <span>{p.source}</span>
                  <span>{t('policies.public.effectiveOn', { date: p.effectiveOn })}</span>
                  <span>{t('policies.public.publishedAt', { date: formatDate(p.publishedAt) })}</span>
                </div>
              </Card>
            </Link>
          ))}
          {lines.length < total && (
            <Button block size="large" loading={isFetching} onClick={() => setPages((n) => n + 1)} data-testid="public-policies-more">
              {t('policies.public.more')}
            </Button>
          )}
        </Space>
      )}
    </PublicShell>
  );
}
