import type { OrgRow } from './orgs.queries.js';

export function presentOrg(row: OrgRow) {
  return {
    id: row.id,
    parentId: row.parentId,
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
