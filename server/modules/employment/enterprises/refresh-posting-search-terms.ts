import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { jobPostings } from '../../../db/schema/index.js';
import { postingSearchTerms } from '../postings/posting-record.js';

/**
 * Rewrites the search terms of every posting of an enterprise for its new name, in the caller's
 * transaction. All of them, not only those on the board: the staff lists search closed and expired
 * postings too, and a search's substring check reads the enterprise's current name, so terms of an
 * old name would find nothing anyway. One statement, however many postings.
 *
 * The postings are locked as they are read: a correction of a posting running meanwhile (which read
 * the old name) finishes first, and its new title is what the terms here are made of.
 */
export async function refreshPostingSearchTerms(tx: DbOrTx, enterpriseId: string, enterpriseName: string) {
  const postings = await tx
    .select({ id: jobPostings.id, title: jobPostings.title, description: jobPostings.description, category: jobPostings.category })
    .from(jobPostings)
    .where(eq(jobPostings.enterpriseId, enterpriseId))
    .for('update');
  if (!postings.length) return 0;
  const rows = JSON.stringify(postings.map((p) => ({ id: p.id, terms: postingSearchTerms(p, enterpriseName) })));
  await tx.execute(sql`
    update job_postings p
       set search_terms = array(select jsonb_array_elements_text(r.terms))
      from jsonb_to_recordset(${rows}::jsonb) as r(id uuid, terms jsonb)
     where p.id = r.id`);
  return postings.length;
}
