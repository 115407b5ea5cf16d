import crypto from 'node:crypto';
import { makeCnId } from '../../../contracts/cn-ids.js';
import type { CreateHouseholdInput, HouseholdStatus } from '../../../contracts/households.js';
import type { Tx } from '../../db/client.js';
import { bulkInsert } from '../../db/bulk-insert.js';
import { householdEvents, householdIdClaims, householdMembers, households } from '../../db/schema/index.js';
import type { Clock } from '../../platform/clock.js';
import { addDays, addYears, chinaDate } from '../../platform/dates.js';
import type { Secrets } from '../../platform/secrets.js';
import { protectIdNumber } from '../households/household-pii.js';
import { householdColumns, memberRows, workerIdColumns } from '../households/household-record.js';
import type { OrgRow } from '../orgs/orgs.queries.js';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗'];
const GIVEN = ['建国', '秀英', '志强', '桂兰', '海涛', '丽娟', '国华', '红梅', '卫东', '玉兰', '振华', '淑芬', '德胜', '春燕', '保国'];
const CAUSES = ['serious_illness', 'children_schooling', 'laid_off', 'accident', 'no_work_capacity', 'unemployed'] as const;
/** Where the demo households sit and in which state: enough to try every step of the workflow. */
const PLAN: Array<{ org: string; status: HouseholdStatus; count: number }> = [
  { org: 'JZ-ZZ-FC', status: 'archived', count: 8 },
  { org: 'JZ-ZZ-FC', status: 'applied', count: 3 },
  { org: 'JZ-ZZ-FC', status: 'checked', count: 2 },
  { org: 'JZ-ZZ-FC', status: 'visited', count: 2 },
  { org: 'JZ-ZZ-FC', status: 'in_notice', count: 2 },
  { org: 'JZ-ZZ-LF', status: 'archived', count: 5 },
  { org: 'JZ-ZZ-LF', status: 'lifted', count: 2 },
  { org: 'JZ-JM-ZG2', status: 'archived', count: 10 },
  { org: 'JZ-JM-GHS', status: 'archived', count: 6 },
  { org: 'JZ-JF-JN', status: 'archived', count: 4 },
];

/**
 * Demo households filed by the demo caseworkers: people with valid Jiaozuo ID numbers, members with
 * school stages, and two households whose public notice ended yesterday, ready to approve.
 */
export async function loadDemoHouseholds(tx: Tx, ctx: { clock: Clock; secrets: Secrets }, byCode: Map<string, OrgRow>, filedBy: string) {
  const now = ctx.clock.now();
  const today = chinaDate(now);
  let n = 0;
  const rows: Array<typeof households.$inferInsert> = [];
  const members: Array<typeof householdMembers.$inferInsert> = [];
  const claims: Array<typeof householdIdClaims.$inferInsert> = [];
  const events: Array<typeof householdEvents.$inferInsert> = [];
  for (const { org: code, status, count } of PLAN) {
    const org = byCode.get(code);
    if (!org) continue;
    for (let i = 0; i < count; i++, n++) {
      const region = org.regionCode ?? '410803';
      const workerId = makeCnId('410803', `19${65 + (n % 25)}${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (n % 27)).padStart(2, '0')}`, String(100 + n));
      const childStage = (['primary', 'junior', 'senior', 'vocational', 'undergraduate', 'college'] as const)[n % 6];
      const input = {
        name: SURNAMES[n % SURNAMES.length] + GIVEN[n % GIVEN.length],
        idNumber: workerId,
        phone: `139${String(38100000 + n * 7).padStart(8, '0')}`,
        employmentForm: n % 4 === 0 ? 'migrant' : 'worker',
        employerName: org.name.replace(/工会$|帮扶工作站$/, ''),
        health: n % 3 === 0 ? 'serious' : 'chronic',
        disabilityType: 'none',
        singleParent: n % 7 === 0,
        bankName: '中国工商银行',
        bankCard: `6222${String(20210000000 + n).padStart(15, '0')}`,
        monthlyIncomeFen: 150000 + (n % 5) * 10000,
        otherAnnualIncomeFen: 0,
        category: n % 5 === 0 ? 'accident' : n % 2 ? 'deep' : 'relative',
        mainCause: CAUSES[n % CAUSES.length],
        secondaryCauses: n % 2 ? ['children_schooling'] : [],
        members: [
          { relation: 'spouse', name: SURNAMES[(n + 3) % SURNAMES.length] + GIVEN[(n + 5) % GIVEN.length], idNumber: makeCnId(region.startsWith('4108') ? region : '410803', `19${67 + (n % 25)}0${1 + (n % 9)}1${n % 9}`, String(100 + n)), health: 'healthy', monthlyIncomeFen: 120000 },
          { relation: 'child', name: SURNAMES[n % SURNAMES.length] + '小' + GIVEN[(n + 2) % GIVEN.length].slice(0, 1), idNumber: makeCnId('410803', `20${String(4 + (n % 15)).padStart(2, '0')}0${1 + (n % 9)}2${n % 9}`, String(100 + n)), health: 'healthy', monthlyIncomeFen: 0, status: 'studying', schoolStage: childStage, enrolmentYear: 2021 + (n % 5) },
        ],
      } as unknown as CreateHouseholdInput;
      const id = crypto.randomUUID();
      const worker = protectIdNumber(ctx.secrets, workerId);
      const memberValues = memberRows(ctx.secrets, id, input.members);
      const archived = status === 'archived' || status === 'lifted';
      rows.push({
        ...householdColumns(ctx.secrets, input),
        id,
        name: input.name,
        caseNo: `HH${today.slice(0, 4)}D${String(n + 1).padStart(7, '0')}`,
        orgId: org.id,
        status,
        ...workerIdColumns(worker),
        createdBy: filedBy,
        submittedBy: filedBy,
        createdAt: new Date(now.getTime() - (40 + n) * 86400_000),
        updatedAt: now,
        ...(status === 'in_notice' ? { noticeStartsOn: addDays(today, -8), noticeEndsOn: addDays(today, -1) } : {}),
        ...(archived ? { archivedAt: new Date(now.getTime() - (30 + n) * 86400_000), lastVerifiedOn: addDays(today, -(330 + n)), nextVerificationDue: status === 'archived' ? addYears(addDays(today, -(330 + n)), 1) : null } : {}),
        ...(status === 'lifted' ? { liftedAt: now, liftReason: '子女毕业就业，家庭收入稳定' } : {}),
      });
      members.push(...memberValues);
      claims.push({ idHash: worker.hash, householdId: id, role: 'worker' }, ...memberValues.map((m) => ({ idHash: m.idHash, householdId: id, role: 'member' })));
      events.push({ householdId: id, at: now, actorName: 'demo', action: 'import', toStatus: status, details: { demo: true } });
    }
  }
  await bulkInsert(tx, households, rows);
  await bulkInsert(tx, householdMembers, members);
  await bulkInsert(tx, householdIdClaims, claims);
  await bulkInsert(tx, householdEvents, events);
  return rows.length;
}
