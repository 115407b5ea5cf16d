import { z } from 'zod';
import { ConsultationCategory, ConsultationStatus, hasWords, WORDS_MESSAGE } from './employment.js';
import { IsoDate } from './funds.js';
import { CnMobile, codes } from './households.js';
import { normalizeIdInput, normalizeMobile } from './cn-ids.js';
import { text as safeText } from './text.js';

/**
 * 指导咨询: questions from the public form (no sign-in, rate-limited) or 12351 hotline calls, routed to
 * an org whose staff answer and close them; a ticket number and the phone's last four digits let the
 * asker read the answer. Answers worth keeping become FAQ entries (常见问题).
 */

const text = (max: number) => safeText().max(max);
const prose = (max: number) => safeText({ multiline: true }).max(max);

export const CONSULTATION_QUESTION_MAX = 1000;
export const CONSULTATION_ANSWER_MAX = 4000;
/** Questions one client address may send through the public form per window. */
export const CONSULTATION_ASK_LIMIT = { max: 5, windowMinutes: 10 } as const;
/** Ticket look-ups one client address may make per window (a wrong phone counts too). */
export const CONSULTATION_LOOKUP_LIMIT = { max: 20, windowMinutes: 10 } as const;
/** ZX + the China date asked + a five-digit number of the day: ZX2026112900012. */
export const TICKET_NO = /^ZX\d{8}\d{5}$/;

/** 12351 职工服务热线: the platform's hotline, shown on the public form. */
export const HOTLINE = '12351';

export const ConsultationChannel = codes({
  web: ['网上咨询', 'Web form'],
  hotline: ['12351 热线', '12351 hotline'],
});

const question = prose(CONSULTATION_QUESTION_MAX).min(5, 'at least 5 characters').refine(hasWords, WORDS_MESSAGE);
const answer = (max: number) => prose(max).min(2).refine(hasWords, WORDS_MESSAGE);

/** A mainland mobile, or for a hotline caller a landline (0391-2345678): digits and one dash kept; full-width digits and dashes (typed with a Chinese input method) normalised. */
export const ContactPhone = z.string().transform((raw, ctx) => {
  const mobile = normalizeMobile(raw);
  if (/^1[3-9]\d{9}$/.test(mobile)) return mobile;
  const landline = normalizeIdInput(raw).replace(/[\u2010-\u2015]/g, '-');
  if (/^0\d{2,3}-?\d{7,8}$/.test(landline)) return landline;
  ctx.addIssue({ code: 'custom', message: 'a mainland mobile (11 digits starting 13-19) or a landline with its area code (0391-2345678)' });
  return z.NEVER;
});

/** `POST /api/public/consultations`: the public form. */
export const AskConsultationInput = z.strictObject({
  /** The union the asker picks from GET /api/public/consultation-orgs (the city, a district, an industry union). */
  orgId: z.uuid(),
  category: ConsultationCategory.schema,
  question,
  askerName: text(50).optional().nullable(),
  phone: CnMobile,
});
export type AskConsultationInput = z.infer<typeof AskConsultationInput>;

/** `POST /api/consultations`: a 12351 call entered by staff, answered on the spot when `answer` is given. */
export const RecordHotlineCallInput = z.strictObject({
  orgId: z.uuid(),
  category: ConsultationCategory.schema,
  question,
  askerName: text(50).optional().nullable(),
  phone: ContactPhone,
  answer: answer(CONSULTATION_ANSWER_MAX).optional().nullable(),
});
export type RecordHotlineCallInput = z.infer<typeof RecordHotlineCallInput>;

export const AnswerConsultationInput = z.strictObject({ answer: answer(CONSULTATION_ANSWER_MAX) });
/** Closing an answered question needs nothing; closing an unanswered one (a duplicate, not a question) needs a reason. */
export const CloseConsultationInput = z.strictObject({ reason: prose(500).min(2).optional().nullable() });
export const RerouteConsultationInput = z.strictObject({ toOrgId: z.uuid(), reason: prose(500).min(2) });
export const RevealConsultationPhoneInput = z.strictObject({ reason: text(200).min(2) });

export const LookupConsultationQuery = z.strictObject({ phoneLast4: z.string().regex(/^\d{4}$/, 'the last four digits of the phone') });
export const TicketParams = z.strictObject({ ticketNo: z.string().regex(TICKET_NO, 'a ticket number such as ZX2026112900012') });

export const ConsultationQueueQuery = z.strictObject({
  status: ConsultationStatus.schema.optional(),
  /** An org of the subtree: its whole subtree's questions. */
  orgId: z.uuid().optional(),
  category: ConsultationCategory.schema.optional(),
  channel: ConsultationChannel.schema.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const ConsultationStatsQuery = z
  .strictObject({ from: IsoDate.optional(), to: IsoDate.optional(), orgId: z.uuid().optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'the period ends before it starts' });

const faqFields = {
  category: ConsultationCategory.schema,
  question: prose(500).min(5).refine(hasWords, WORDS_MESSAGE),
  answer: answer(CONSULTATION_ANSWER_MAX),
};
/** `POST /api/faq`: an entry written directly. */
export const CreateFaqInput = z.strictObject({ orgId: z.uuid(), ...faqFields, published: z.boolean().default(true) });
/** `POST /api/consultations/:id/faq`: an answered question published as an entry, its wording edited. */
export const PublishConsultationAsFaqInput = z.strictObject(faqFields);
export const UpdateFaqInput = z.strictObject({
  category: faqFields.category.optional(),
  question: faqFields.question.optional(),
  answer: faqFields.answer.optional(),
  published: z.boolean().optional(),
});
export const FaqListQuery = z.strictObject({
  q: text(50).optional(),
  category: ConsultationCategory.schema.optional(),
  published: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const PublicFaqQuery = z.strictObject({
  q: text(50).optional(),
  category: ConsultationCategory.schema.optional(),
  page: z.coerce.number().int().min(1).max(1_000).default(1),
});
export const PUBLIC_FAQ_PAGE_SIZE = 30;

export interface ConsultationDto {
  id: string;
  ticketNo: string;
  orgId: string;
  orgName: string;
  channel: 'web' | 'hotline';
  category: string;
  question: string;
  askerName: string | null;
  phoneMasked: string;
  status: 'open' | 'answered' | 'closed';
  answer: string | null;
  answeredAt: string | null;
  answeredByName: string | null;
  closedAt: string | null;
  closedByName: string | null;
  createdAt: string;
  createdByName: string | null;
  /** Hours from asked to answered, or asked to now while open. */
  waitingHours: number;
}

/** What the asker reads with the ticket number and the phone's last four digits. */
export interface PublicConsultationDto {
  ticketNo: string;
  orgName: string;
  category: string;
  question: string;
  status: 'open' | 'answered' | 'closed';
  askedAt: string;
  answer: string | null;
  answeredAt: string | null;
  closedAt: string | null;
}

export interface ConsultationOrgDto {
  id: string;
  name: string;
  nameEn: string;
  type: string;
}

export interface ConsultationStatsRow {
  orgId: string;
  orgName: string;
  /** The org's own questions only (its children are rows of their own). */
  direct: boolean;
  hasChildren: boolean;
  asked: number;
  answered: number;
  medianHours: number | null;
  p90Hours: number | null;
  open: number;
  oldestOpenHours: number | null;
}

export interface ConsultationStatsDto {
  from: string;
  to: string;
  org: { id: string; name: string; atTop: boolean };
  trail: Array<{ id: string; name: string }>;
  rows: ConsultationStatsRow[];
  totals: Omit<ConsultationStatsRow, 'orgId' | 'orgName' | 'direct' | 'hasChildren'>;
}

export interface FaqDto {
  id: string;
  orgId: string;
  orgName: string;
  category: string;
  question: string;
  answer: string;
  published: boolean;
  consultationId: string | null;
  createdAt: string;
  updatedAt: string;
}

export type PublicFaqDto = Pick<FaqDto, 'id' | 'category' | 'question' | 'answer' | 'orgName' | 'updatedAt'>;
