import type { ConsultationDto, PublicConsultationDto } from '../../../../contracts/consultations.js';
import type { ConsultationWithNames } from './consultations.queries.js';

const HOUR_MS = 3_600_000;
/** Hours with one decimal. */
export const hoursBetween = (from: Date, to: Date) => Math.round(((to.getTime() - from.getTime()) / HOUR_MS) * 10) / 10;

/** A question for staff: the phone masked (revealing it is a separate, audited request). */
export function presentConsultation(r: ConsultationWithNames, now: Date): ConsultationDto {
  return {
    id: r.id,
    ticketNo: r.ticketNo,
    orgId: r.orgId,
    orgName: r.orgName,
    channel: r.channel as ConsultationDto['channel'],
    category: r.category,
    question: r.question,
    askerName: r.askerName,
    phoneMasked: r.phoneMasked,
    status: r.status as ConsultationDto['status'],
    answer: r.answer,
    answeredAt: r.answeredAt?.toISOString() ?? null,
    answeredByName: r.answeredByName,
    closedAt: r.closedAt?.toISOString() ?? null,
    closedByName: r.closedByName,
    createdAt: r.createdAt.toISOString(),
    createdByName: r.createdByName,
    waitingHours: hoursBetween(r.createdAt, r.answeredAt ?? r.closedAt ?? now),
  };
}

/** What the asker reads: the question and its answer, no names, no phone, no staff. */
export function presentPublicConsultation(r: ConsultationWithNames): PublicConsultationDto {
  return {
    ticketNo: r.ticketNo,
    orgName: r.orgName,
    category: r.category,
    question: r.question,
    status: r.status as PublicConsultationDto['status'],
    askedAt: r.createdAt.toISOString(),
    answer: r.answer,
    answeredAt: r.answeredAt?.toISOString() ?? null,
    closedAt: r.closedAt?.toISOString() ?? null,
  };
}
