import { timingSafeEqual } from 'node:crypto';
import type { DbOrTx } from '../../../db/client.js';
import { notFound } from '../../../platform/errors.js';
import { presentPublicConsultation } from './consultations.presenter.js';
import { getConsultationByTicket } from './consultations.queries.js';

/**
 * `GET /api/public/consultations/:ticketNo?phoneLast4=…`: the asker reads the question and its answer.
 * A wrong ticket and a wrong phone answer the same 404, so neither tells whether the other was right.
 */
export async function lookupConsultation(db: DbOrTx, ticketNo: string, phoneLast4: string) {
  const c = await getConsultationByTicket(db, ticketNo);
  // The mask keeps the phone's last four digits: nothing needs decrypting to compare them.
  const last4 = Buffer.from((c?.phoneMasked ?? '----').slice(-4));
  if (!c || !timingSafeEqual(last4, Buffer.from(phoneLast4.padEnd(4).slice(0, 4)))) throw notFound('consultation');
  return presentPublicConsultation(c);
}
