import type { PolicyArticleDto, PolicyAttachmentDto, PolicyListItemDto, PublicPolicyDto } from '../../../../contracts/policies.js';
import type { ArticleWithOrg } from './policies.queries.js';

export function presentArticle(a: ArticleWithOrg): PolicyArticleDto {
  return {
    id: a.id,
    orgId: a.orgId,
    orgName: a.orgName,
    title: a.title,
    category: a.category,
    source: a.source,
    docNo: a.docNo,
    effectiveOn: a.effectiveOn,
    summary: a.summary,
    body: a.body,
    status: a.status,
    publishedAt: a.publishedAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    version: a.version,
  };
}

export function presentArticleLine(a: ArticleWithOrg): PolicyListItemDto {
  const { body: _body, ...line } = presentArticle(a);
  return line;
}

/** A published article for anyone: no ids of orgs or staff, no version. */
export function presentPublicArticle(a: ArticleWithOrg, attachments: PolicyAttachmentDto[]): PublicPolicyDto {
  return {
    id: a.id,
    orgName: a.orgName,
    title: a.title,
    category: a.category,
    source: a.source,
    docNo: a.docNo,
    effectiveOn: a.effectiveOn,
    summary: a.summary,
    body: a.body,
    publishedAt: a.publishedAt!.toISOString(),
    attachments,
  };
}

export function presentPublicArticleLine(a: ArticleWithOrg) {
  const { attachments: _a, body: _b, ...line } = presentPublicArticle(a, []);
  return line;
}
