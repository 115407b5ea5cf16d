import { and, type SQL } from 'drizzle-orm';
import { enterprises, jobPostings } from '../../../db/schema/index.js';
import { inActorSubtree } from '../../../platform/authz.js';
import type { Actor } from '../../../platform/context.js';
import { enterpriseScope } from '../enterprises/enterprise-scope.js';

/** The postings an actor may see: those of its subtree, and of its own enterprise only for an HR account. */
export function postingsInScope(actor: Actor): SQL {
  return and(inActorSubtree(actor, jobPostings.orgId), enterpriseScope(actor, jobPostings.enterpriseId))!;
}

/** The enterprises an actor may post for, by the same rule. */
export function enterprisesInScope(actor: Actor): SQL {
  return and(inActorSubtree(actor, enterprises.orgId), enterpriseScope(actor, enterprises.id))!;
}
