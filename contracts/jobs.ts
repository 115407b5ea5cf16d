import { z } from 'zod';
import { Education, Experience, hasWords, JobCategory, PostingKind, PostingStatus, WORDS_MESSAGE } from './employment.js';
import { ContactPhone, RegionCode } from './enterprises.js';
import type { ImportError } from './households.js';
import { IsoDate } from './funds.js';
import { text as safeText } from './text.js';

/**
 * Job postings (岗位信息): what an enterprise or staff enter, the review steps, and the public board's
 * queries. Salaries are integer fen per month; a posting's region is a GB/T 2260 code.
 */

const text = (max: number) => safeText().max(max);
const prose = (max: number) => safeText({ multiline: true }).max(max);

/** The most a monthly salary can say: 1,000,000 元. */
export const MAX_SALARY_FEN = 100_000_000;
export const SalaryFen = z.number().int('an integer number of fen').min(0, 'not below 0').max(MAX_SALARY_FEN, 'at most 1,000,000 元 a month');

export const POSTING_TITLE_MAX = 40;
export const POSTING_DESCRIPTION_MAX = 2000;
export const MAX_OPENINGS = 10_000;
/** A posting is valid for at most this many days from the day it is written. */
export const MAX_VALID_DAYS = 366;

const postingFields = {
  title: text(POSTING_TITLE_MAX).min(2, 'at least 2 characters').refine(hasWords, WORDS_MESSAGE),
  category: JobCategory.schema,
  kind: PostingKind.schema,
  openings: z.number().int('a whole number').min(1, 'at least 1').max(MAX_OPENINGS, `at most ${MAX_OPENINGS}`),
  salaryMinFen: SalaryFen,
  salaryMaxFen: SalaryFen,
  education: Education.schema,
  experience: Experience.schema,
  regionCode: RegionCode,
  description: prose(POSTING_DESCRIPTION_MAX).min(1, 'required').refine(hasWords, WORDS_MESSAGE),
  contactName: text(40).min(1, 'required'),
  contactPhone: ContactPhone,
  /** The last day the posting is shown; the next day it expires. */
  validUntil: IsoDate,
};

const salaryInOrder = (d: { salaryMinFen?: number; salaryMaxFen?: number }) => d.salaryMinFen === undefined || d.salaryMaxFen === undefined || d.salaryMinFen <= d.salaryMaxFen;
const SALARY_ORDER = { path: ['salaryMaxFen'], message: 'the highest salary is below the lowest' };

export const CreatePostingInput = z
  .strictObject({
    enterpriseId: z.uuid(),
    ...postingFields,
    kind: PostingKind.schema.default('regular'),
    /** Submit for review at once (otherwise a draft). */
    submit: z.boolean().default(false),
  })
  .refine(salaryInOrder, SALARY_ORDER);

/** A posting as one row of an imported list names it (its enterprise by the USCC, beside it). */
export const PostingRowInput = z.strictObject({ ...postingFields, kind: PostingKind.schema.default('regular') }).refine(salaryInOrder, SALARY_ORDER);
export type PostingRowInput = z.infer<typeof PostingRowInput>;
export type CreatePostingInput = z.infer<typeof CreatePostingInput>;

/** Corrects a draft or a returned posting; only the fields named change. */
export const UpdatePostingInput = z
  .strictObject({
    ...Object.fromEntries(Object.entries(postingFields).map(([k, s]) => [k, s.optional()])) as { [K in keyof typeof postingFields]: z.ZodOptional<(typeof postingFields)[K]> },
    /** The version read: a correction of a posting changed meanwhile is refused (409). */
    version: z.number().int().min(1),
  })
  .refine(salaryInOrder, SALARY_ORDER);
export type UpdatePostingInput = z.infer<typeof UpdatePostingInput>;

export const ApprovePostingInput = z.strictObject({ note: prose(500).optional().nullable() });
export type ApprovePostingInput = z.infer<typeof ApprovePostingInput>;

/** Return (for correction) or reject: the reason is shown to the enterprise. */
export const PostingReasonInput = z.strictObject({ reason: prose(500).min(1, 'required') });
export type PostingReasonInput = z.infer<typeof PostingReasonInput>;

export const ClosePostingInput = z.strictObject({ reason: prose(500).optional().nullable() });
export type ClosePostingInput = z.infer<typeof ClosePostingInput>;

export const PostingListQuery = z.strictObject({
  status: PostingStatus.schema.optional(),
  enterpriseId: z.uuid().optional(),
  q: text(50).optional(),
  category: JobCategory.schema.optional(),
  kind: PostingKind.schema.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type PostingListQuery = z.infer<typeof PostingListQuery>;

/** The public board's page size, at most. */
export const BOARD_PAGE_SIZE_MAX = 50;
/** Pages past this are not served (a search narrows better than paging 10,000 postings deep). */
export const BOARD_PAGE_MAX = 200;

/**
 * The public board's search. `education` is the visitor's own: postings asking for it or less.
 * `salaryMin` (fen a month): postings that can pay at least that.
 */
export const PublicJobsQuery = z.strictObject({
  q: text(30).optional(),
  category: JobCategory.schema.optional(),
  region: RegionCode.optional(),
  salaryMin: z.coerce.number().int('an integer number of fen').min(0).max(MAX_SALARY_FEN).optional(),
  education: Education.schema.optional(),
  kind: PostingKind.schema.optional(),
  page: z.coerce.number().int().min(1).max(BOARD_PAGE_MAX).default(1),
  pageSize: z.coerce.number().int().min(1).max(BOARD_PAGE_SIZE_MAX).default(20),
});
export type PublicJobsQuery = z.infer<typeof PublicJobsQuery>;

/** The board's figures for a period of publication days (China dates); by default the last 30 days. */
export const JobStatsQuery = z
  .strictObject({ from: IsoDate.optional(), to: IsoDate.optional() })
  .refine((d) => !d.from || !d.to || d.from <= d.to, { path: ['to'], message: 'the period ends before it starts' });
export type JobStatsQuery = z.infer<typeof JobStatsQuery>;
export const JOB_STATS_DEFAULT_DAYS = 30;

/** The most postings one import takes (the lists union offices collect hold tens to hundreds). */
export const POSTING_IMPORT_MAX_ROWS = 2000;

/** An import's answer: all imported (awaiting review), or nothing and every cell in error. */
export interface PostingImportResult {
  ok: boolean;
  /** Rows read (the example row and blank rows aside). */
  rows: number;
  imported: number;
  errorCount: number;
  /** The first 500 errors; the report holds them all. */
  errors: ImportError[];
  /** When refused: the error report (one line per bad cell, in Chinese) as an .xlsx file, base64. */
  reportXlsx?: string;
}
