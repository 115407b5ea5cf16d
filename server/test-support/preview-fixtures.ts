import { sql } from 'drizzle-orm';
import type { SchoolStage } from '../../contracts/households.js';
import { householdMembers } from '../db/schema/index.js';
import { protectIdNumber } from '../modules/households/household-pii.js';
import { insertHouseholdRows, type HouseholdRowSpec } from './archived-household-fixtures.js';
import { uniqueIdNumber } from './household-fixtures.js';
import type { TestApp } from './test-app.js';

export type Stage = (typeof SchoolStage.keys)[number];

export interface HouseholdWithMembersSpec extends HouseholdRowSpec {
  /** One member each: a child at that school stage, or (null) a member not at school. */
  members: Array<Stage | null>;
}

/**
 * Households written straight to the tables with their members, quicker than the workflow allows, and
 * kept as every write path keeps them: `member_school_stages` holds the members' distinct stages and
 * the household size counts the worker and the members.
 */
export async function insertHouseholdsWithMembers(t: TestApp, specs: HouseholdWithMembersSpec[]): Promise<string[]> {
  const ids = await insertHouseholdRows(t, specs);
  const shape = ids.map((id, i) => ({ id, stages: [...new Set(specs[i].members.filter((s) => s !== null))], size: 1 + specs[i].members.length }));
  await t.database.db.execute(sql`
    update households h set member_school_stages = array(select jsonb_array_elements_text(x.stages)), household_size = x.size
    from jsonb_to_recordset(${JSON.stringify(shape)}::jsonb) as x(id uuid, stages jsonb, size int) where h.id = x.id`);
  const members = specs.flatMap((spec, i) =>
    spec.members.map((stage, position) => {
      const id = protectIdNumber(t.secrets, uniqueIdNumber(stage ? 2008 : 1978));
      return {
        householdId: ids[i],
        position: position + 1,
        relation: stage ? 'child' : 'spouse',
        name: `成员${i}-${position}`,
        idEnc: id.enc,
        idHash: id.hash,
        idMasked: id.masked,
        sex: id.sex,
        birthDate: id.birthDate,
        health: 'healthy',
        status: stage ? 'studying' : 'working',
        schoolStage: stage,
      };
    }),
  );
  for (let i = 0; i < members.length; i += 500) await t.database.db.insert(householdMembers).values(members.slice(i, i + 500));
  return ids;
}
