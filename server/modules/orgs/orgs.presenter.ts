import type { Actor } from '../../platform/context.js';
import type { OrgRow } from './orgs.queries.js';

/** The parent of the actor's own org lies outside its scope, so its id is not shown. */
export function presentOrg(row: OrgRow, actor: Actor) {
  return {
    id: row.id,
    parentId: row.path === actor.orgPath ? null : row.parentId,
    code: row.code,
    name: row.name,
    nameEn: row.nameEn,
    type: row.type,
    regionCode: row.regionCode,
    depth: row.depth,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type OrgDto = ReturnType<typeof presentOrg>;
