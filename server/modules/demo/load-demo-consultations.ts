import type { Tx } from '../../db/client.js';
import type { Ctx } from '../../platform/context.js';
import { addDays, chinaDate } from '../../platform/dates.js';
import type { Secrets } from '../../platform/secrets.js';
import { answerConsultation } from '../employment/consultations/answer-consultation.js';
import { askConsultation } from '../employment/consultations/ask-consultation.js';
import { closeConsultation } from '../employment/consultations/close-consultation.js';
import { getConsultationByTicket } from '../employment/consultations/consultations.queries.js';
import { publishConsultationAsFaq } from '../employment/consultations/faq/publish-consultation-as-faq.js';
import { recordHotlineCall } from '../employment/consultations/record-hotline-call.js';
import { rerouteConsultation } from '../employment/consultations/reroute-consultation.js';
import type { OrgRow } from '../orgs/orgs.queries.js';
import { chinaTime, demoCtx, type DemoUser } from './demo-actors.js';
import { DEMO_CONSULTATIONS, type DemoConsultation } from './demo-consultations.js';
import { seededRandom } from './demo-people.js';

const HOUR = 3600_000;

/**
 * The questions of the last weeks (指导咨询), through the module's verbs at the moments they happened:
 * asked on the public form (no actor) or taken on the 12351 hotline by the city's desk (`jobs`),
 * rerouted, answered and closed by the staff of the union they reached (`zz.admin` for 中站区, the
 * city's jobs officer for the others), the best answers published as FAQ entries. The response-time
 * figures are then counted from these records like any others.
 */
export async function loadDemoConsultations(tx: Tx, c: { secrets: Secrets; now: Date; byCode: Map<string, OrgRow>; jobs: DemoUser; zzAdmin: DemoUser }) {
  const r = seededRandom(12351);
  const today = chinaDate(c.now);
  const as = (user: DemoUser, at: Date) => demoCtx(tx, c.secrets, user, at);
  const answererFor = (org: OrgRow) => (org.path.startsWith(c.byCode.get('JZ-ZZ')!.path) ? c.zzAdmin : c.jobs);
  const phones: Phones = {
    mobile: () => `1${r.pick(['35', '37', '38', '39', '58', '59', '86', '87'])}${String(r.int(0, 99_999_999)).padStart(8, '0')}`,
    landline: () => `0391-${r.int(2_000_000, 8_999_999)}`,
  };
  const counts = { asked: 0, answered: 0, closed: 0, open: 0, faq: 0 };

  for (const q of DEMO_CONSULTATIONS) {
    const askedAt = 'hoursAgo' in q.asked ? new Date(c.now.getTime() - q.asked.hoursAgo * HOUR) : chinaTime(addDays(today, -q.asked.daysAgo), q.asked.at);
    const at = (hours: number) => {
      const t = new Date(askedAt.getTime() + hours * HOUR);
      if (t > c.now) throw new Error(`demo consultation "${q.question.slice(0, 12)}…" has a step after now`);
      return t;
    };
    let org = c.byCode.get(q.orgCode)!;
    const id = await ask(q, org, askedAt, as, c.jobs, phones);
    counts.asked++;
    if (q.reroute) {
      const to = c.byCode.get(q.reroute.toCode)!;
      await rerouteConsultation({ ctx: as(c.jobs, at(q.reroute.afterHours)), id, input: { toOrgId: to.id, reason: q.reroute.reason } });
      org = to;
    }
    const staff = answererFor(org);
    if (q.answer && !q.answer.onTheSpot) await answerConsultation({ ctx: as(staff, at(q.answer.afterHours)), id, input: { answer: q.answer.text } });
    if (q.answer) counts.answered++;
    if (q.faq && q.answer) {
      await publishConsultationAsFaq({ ctx: as(staff, at(q.answer.afterHours + q.faq.afterHours)), id, input: { category: q.category, question: q.faq.question, answer: q.faq.answer } });
      counts.faq++;
    }
    if (q.close) {
      const closedAt = at((q.answer?.afterHours ?? 0) + q.close.afterHours);
      await closeConsultation({ ctx: as(staff, closedAt), id, input: q.close.reason ? { reason: q.close.reason } : {} });
      counts.closed++;
    } else if (!q.answer) counts.open++;
  }
  return counts;
}

interface Phones {
  mobile(): string;
  landline(): string;
}

/** The question as it arrived: the public form without an actor, or the hotline desk's entry (answered during the call when it was). */
async function ask(q: DemoConsultation, org: OrgRow, at: Date, as: (u: DemoUser, at: Date) => Ctx, desk: DemoUser, phones: Phones): Promise<string> {
  if (q.channel === 'hotline') {
    const answer = q.answer?.onTheSpot ? q.answer.text : null;
    // Callers from home give a landline now and then.
    const phone = q.askerName ? phones.mobile() : phones.landline();
    const { id } = await recordHotlineCall({ ctx: as(desk, at), input: { orgId: org.id, category: q.category, question: q.question, askerName: q.askerName, phone, answer } });
    return id;
  }
  const ctx: Ctx = { ...as(desk, at), actor: null };
  const { ticketNo } = await askConsultation({ ctx, input: { orgId: org.id, category: q.category, question: q.question, askerName: q.askerName, phone: phones.mobile() } });
  return (await getConsultationByTicket(ctx.db, ticketNo))!.id;
}
