import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { Card, Descriptions, List, Result, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PolicyCategory } from '../../../../contracts/employment.js';
import { codeLabel } from '../../../shared/code-labels.js';
import { formatDate, formatFileSize } from '../../../shared/format.js';
import { publicPolicyAttachmentUrl, usePublicPolicy } from './policies.api.js';
import { PublicShell } from './PublicShell.js';

/** A published policy for anyone: its text as written, where it comes from, and its attachments to download. */
export default function PublicPolicyPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const { data: p, isLoading, error } = usePublicPolicy(id);
  const back = (
    <Link to="/policies" style={{ display: 'inline-block', marginBottom: 10 }} data-testid="public-policy-back">
      <ArrowLeftOutlined /> {t('policies.public.back')}
    </Link>
  );
  if (isLoading)
    return (
      <PublicShell title={t('policies.public.title')}>
        <div style={{ textAlign: 'center', padding: 48 }}>
          <Spin />
        </div>
      </PublicShell>
    );
  if (error || !p)
    return (
      <PublicShell title={t('policies.public.title')}>
        {back}
        <Result status="404" title={t('policies.public.notFound')} />
      </PublicShell>
    );
  return (
    <PublicShell title={t('policies.public.title')} testId="public-policy">
      {back}
      <Card styles={{ body: { padding: 16 } }}>
        <Tag color="red" bordered={false}>
          {codeLabel(PolicyCategory, p.category, i18n.language)}
        </Tag>
        <Typography.Title level={2} style={{ fontSize: 20, margin: '8px 0 12px', lineHeight: 1.45 }} data-testid="public-policy-title">
          {p.title}
        </Typography.Title>
        <Descriptions size="small" column={1} styles={{ label: { width: 84 } }} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('policies.public.source')}>{p.source}</Descriptions.Item>
          {p.docNo && <Descriptions.Item label={t('policies.public.docNo')}>{p.docNo}</Descriptions.Item>}
          <Descriptions.Item label={t('policies.public.effective')}>{p.effectiveOn}</Descriptions.Item>
          <Descriptions.Item label={t('policies.public.issuedBy')}>
            {p.orgName} · {t('policies.public.publishedAt', { date: formatDate(p.publishedAt) })}
          </Descriptions.Item>
        </Descriptions>
        {p.summary && (
          <Typography.Paragraph style={{ background: '#fff7e6', padding: '10px 12px', borderRadius: 6, fontSize: 15 }}>
            {p.summary}
          </Typography.Paragraph>
        )}
        <div style={{ whiteSpace: 'pre-wrap', fontSize: 16, lineHeight: 1.8, wordBreak: 'break-word' }} data-testid="public-policy-body">
          {p.body}
        </div>
      </Card>
      {p.attachments.length > 0 && (
        <Card title={t('policies.public.attachments')} size="small" style={{ marginTop: 12 }} data-testid="public-policy-attachments">
          <List
            dataSource={p.attachments}
            renderItem={(a) => (
              <List.Item>
                <a href={publicPolicyAttachmentUrl(p.id, a.id)} download={a.fileName} style={{ display: 'flex', gap: 8, alignItems: 'center', minHeight: 32, wordBreak: 'break-all' }} data-testid="public-policy-attachment">
                  <DownloadOutlined /> {a.fileName}
                  <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                    {formatFileSize(a.sizeBytes)}
                  </Typography.Text>
                </a>
              </List.Item>
            )}
          />
        </Card>
      )}
    </PublicShell>
  );
}
