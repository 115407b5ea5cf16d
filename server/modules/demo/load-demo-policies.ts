import type { Tx } from '../../db/client.js';
import { addDays, chinaDate } from '../../platform/dates.js';
import type { Secrets } from '../../platform/secrets.js';
import { createPolicyArticle } from '../employment/policies/create-policy-article.js';
import { publishPolicyArticle } from '../employment/policies/publish-policy-article.js';
import { withdrawPolicyArticle } from '../employment/policies/withdraw-policy-article.js';
import type { OrgRow } from '../orgs/orgs.queries.js';
import { chinaTime, demoCtx, type DemoUser } from './demo-actors.js';
import { demoPolicyArticles } from './demo-policy-articles.js';

/**
 * The policy articles (政策发布), written, published and withdrawn through the module's verbs as the
 * city's jobs officer (中站区's by its admin) on the days they were, so their audit entries and search
 * terms are the ones the pages write.
 */
export async function loadDemoPolicies(tx: Tx, c: { secrets: Secrets; now: Date; byCode: Map<string, OrgRow>; authors: Record<'jobs' | 'zz.admin', DemoUser> }) {
  const counts = { draft: 0, published: 0, withdrawn: 0 };
  const articles = demoPolicyArticles(chinaDate(c.now));
  // Oldest first, so the history reads in order.
  articles.sort((a, b) => a.writtenOn.localeCompare(b.writtenOn));
  for (const a of articles) {
    const as = (date: string, time: string) => demoCtx(tx, c.secrets, c.authors[a.author], new Date(Math.min(chinaTime(date, time).getTime(), c.now.getTime())));
    const { id } = await createPolicyArticle({
      ctx: as(a.writtenOn, '15:30'),
      input: { orgId: c.byCode.get(a.orgCode)!.id, title: a.title, category: a.category, source: a.source, effectiveOn: a.effectiveOn, summary: a.summary, body: a.body },
    });
    if (a.state === 'draft') {
      counts.draft++;
      continue;
    }
    await publishPolicyArticle({ ctx: as(addDays(a.writtenOn, 1), '09:10'), id });
    if (a.state === 'published') counts.published++;
    else {
      await withdrawPolicyArticle({ ctx: as(a.state.withdrawnOn, '10:00'), id, input: { reason: a.state.reason } });
      counts.withdrawn++;
    }
  }
  return counts;
}
