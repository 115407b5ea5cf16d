import { z } from 'zod';
import { hasWords, PolicyCategory, WORDS_MESSAGE } from './employment.js';
import { IsoDate } from './funds.js';
import { codes } from './households.js';
import { text as safeText } from './text.js';

/**
 * 政策发布: policy articles on national and local aid, student aid, employment and social insurance.
 * An article is written as a draft, published (then on the public list, attachments downloadable by
 * anyone) and may be withdrawn; edits carry the version they were made on.
 */

const text = (max: number) => safeText().max(max);
const prose = (max: number) => safeText({ multiline: true }).max(max);

export const PolicyStatus = codes({
  draft: ['草稿', 'Draft'],
  published: ['已发布', 'Published'],
  withdrawn: ['已撤回', 'Withdrawn'],
});
export type PolicyStatusKey = (typeof PolicyStatus.keys)[number];

export const POLICY_TITLE_MAX = 200;
export const POLICY_BODY_MAX = 50_000;
/** Kept attachments per article (deleted ones do not count). */
export const POLICY_ATTACHMENT_MAX = 20;

const articleFields = {
  title: text(POLICY_TITLE_MAX).min(2).refine(hasWords, WORDS_MESSAGE),
  category: PolicyCategory.schema,
  /** The issuing body (发文机关): 人力资源社会保障部, 河南省总工会 … */
  source: text(100).min(2).refine(hasWords, WORDS_MESSAGE),
  /** 文号, e.g. 人社部发〔2021〕22号. */
  docNo: text(100).optional().nullable(),
  effectiveOn: IsoDate,
  summary: prose(1000).optional().nullable(),
  body: prose(POLICY_BODY_MAX).min(1).refine(hasWords, WORDS_MESSAGE),
};

/** `POST /api/policies`: a draft article of an org in the actor's subtree. */
export const CreatePolicyArticleInput = z.strictObject({ orgId: z.uuid(), ...articleFields });
export type CreatePolicyArticleInput = z.infer<typeof CreatePolicyArticleInput>;

/** `PATCH /api/policies/:id`: the fields to change, with the version they were read at. */
export const UpdatePolicyArticleInput = z.strictObject({
  title: articleFields.title.optional(),
  category: articleFields.category.optional(),
  source: articleFields.source.optional(),
  docNo: articleFields.docNo,
  effectiveOn: articleFields.effectiveOn.optional(),
  summary: articleFields.summary,
  body: articleFields.body.optional(),
  version: z.number().int().min(1),
});
export type UpdatePolicyArticleInput = z.infer<typeof UpdatePolicyArticleInput>;

export const WithdrawPolicyArticleInput = z.strictObject({ reason: prose(500).min(2) });

/** Staff list: `GET /api/policies?q&category&status&orgId&page&pageSize`. */
export const PolicyListQuery = z.strictObject({
  q: text(50).optional(),
  category: PolicyCategory.schema.optional(),
  status: PolicyStatus.schema.optional(),
  orgId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** Public list: `GET /api/public/policies?q&category&page`, published only, newest first. */
export const PUBLIC_POLICY_PAGE_SIZE = 20;
export const PublicPolicyQuery = z.strictObject({
  q: text(50).optional(),
  category: PolicyCategory.schema.optional(),
  page: z.coerce.number().int().min(1).max(1_000).default(1),
});

/** `POST /api/policies/:id/attachments?fileName=…` with the file (PDF, image, Word) as the raw body. */
export const PolicyAttachmentUploadQuery = z.strictObject({ fileName: text(255).min(1) });
export const DeletePolicyAttachmentInput = z.strictObject({ reason: prose(500).min(1) });

export interface PolicyAttachmentDto {
  id: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  uploadedAt: string;
}

export interface PolicyArticleDto {
  id: string;
  orgId: string;
  orgName: string;
  title: string;
  category: string;
  source: string;
  docNo: string | null;
  effectiveOn: string;
  summary: string | null;
  body: string;
  status: PolicyStatusKey;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A line of a list (staff or public): no body. */
export type PolicyListItemDto = Omit<PolicyArticleDto, 'body'>;

/** A published article as the public page shows it, with its attachments. */
export interface PublicPolicyDto {
  id: string;
  orgName: string;
  title: string;
  category: string;
  source: string;
  docNo: string | null;
  effectiveOn: string;
  summary: string | null;
  body: string;
  publishedAt: string;
  attachments: PolicyAttachmentDto[];
}
