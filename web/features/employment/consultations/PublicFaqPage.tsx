import { SearchOutlined } from '@ant-design/icons';
import { Button, Card, Collapse, Empty, Input, Pagination, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ConsultationCategory } from '../../../../contracts/employment.js';
import { codeLabel, codeOptions } from '../../../shared/code-labels.js';
import { PublicShell } from '../policies/PublicShell.js';
import { usePublicFaq } from './consultations.api.js';

/** 常见问题 for anyone (no sign-in), made for a phone: search, a category, the answers unfolded one at a time. */
export default function PublicFaqPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const [q, setQ] = useState<string | undefined>();
  const [category, setCategory] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const { data, isLoading, isFetching } = usePublicFaq({ q, category, page });
  const items = data?.items ?? [];
  const pages = data ? Math.ceil(data.total / data.pageSize) : 1;

  return (
    <PublicShell title={t('consultations.public.faqTitle')} testId="public-faq">
      <Input.Search
        size="large"
        allowClear
        maxLength={50}
        placeholder={t('consultations.public.faqSearch')}
        enterButton={<SearchOutlined aria-label={t('policies.public.search')} />}
        onSearch={(v) => {
          setQ(v.trim() || undefined);
          setPage(1);
        }}
        data-testid="public-faq-search"
      />
      <div style={{ display: 'flex', gap: 6, overflowX: 'auto', padding: '12px 0' }}>
        {[{ value: undefined as string | undefined, label: t('policies.public.allCategories') }, ...codeOptions(ConsultationCategory, lang)].map((c) => (
          <Tag.CheckableTag
            key={c.value ?? 'all'}
            checked={category === c.value}
            onChange={() => {
              setCategory(c.value);
              setPage(1);
            }}
            style={{ fontSize: 14, padding: '4px 10px', whiteSpace: 'nowrap', border: '1px solid #d9d9d9' }}
          >
            {c.label}
          </Tag.CheckableTag>
        ))}
      </div>
      {isLoading ? (
        <div style={{ textAlign: 'center', padding: 48 }}>
          <Spin />
        </div>
      ) : items.length === 0 ? (
        <Card>
          <Empty description={t('consultations.public.faqEmpty')} />
        </Card>
      ) : (
        <Collapse
          accordion
          size="large"
          style={{ background: '#fff' }}
          data-testid="public-faq-list"
          items={items.map((e) => ({
            key: e.id,
            label: (
              <span style={{ fontSize: 15, fontWeight: 500 }} data-testid="public-faq-question">
                {e.question}
              </span>
            ),
            extra: <Tag bordered={false}>{codeLabel(ConsultationCategory, e.category, lang)}</Tag>,
            children: (
              <>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 15, lineHeight: 1.7 }}>{e.answer}</Typography.Paragraph>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {e.orgName}
                </Typography.Text>
              </>
            ),
          }))}
        />
      )}
      {pages > 1 && (
        <div style={{ display: 'flex', justifyContent: 'center', marginTop: 12 }}>
          <Pagination simple current={page} total={data?.total ?? 0} pageSize={data?.pageSize ?? 30} onChange={setPage} disabled={isFetching} />
        </div>
      )}
      <Card size="small" style={{ marginTop: 16, textAlign: 'center' }}>
        <Typography.Paragraph>{t('consultations.public.faqIntro')}</Typography.Paragraph>
        <Button type="primary" size="large" block onClick={() => void navigate('/consult')} data-testid="public-faq-ask">
          {t('consultations.public.faqAsk')}
        </Button>
      </Card>
    </PublicShell>
  );
}
