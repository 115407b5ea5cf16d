import { and, eq } from 'drizzle-orm';
import { CreateDonationDriveInput } from '../../../../contracts/donations.js';
import { donationDrives } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { conflict, validation } from '../../../platform/errors.js';
import { getOrgInScope } from '../../orgs/orgs.queries.js';
import { getFundInScope } from '../funds.queries.js';
import { presentDrive } from './donations.presenter.js';
import { getDriveInScope } from './donations.queries.js';

/** Opens a donation drive (募捐活动) of an org, feeding one of that org's funds. */
export async function createDonationDrive({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const actor = await authorize(ctx, 'fund.post');
  const data = CreateDonationDriveInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const org = await getOrgInScope(tx, actor, data.orgId);
    const { fund } = await getFundInScope(tx, actor, data.fundId);
    if (fund.orgId !== org.id) throw validation([{ field: 'body.fundId', message: 'the fund belongs to another org: choose one of the drive’s org' }]);
    const [taken] = await tx.select({ id: donationDrives.id }).from(donationDrives).where(and(eq(donationDrives.orgId, org.id), eq(donationDrives.name, data.name)));
    if (taken) throw conflict('name_taken', 'the org already has a drive of this name', { field: 'name' });
    const [drive] = await tx
      .insert(donationDrives)
      .values({ orgId: org.id, fundId: fund.id, name: data.name, description: data.description ?? null, goalFen: data.goalFen, startsOn: data.startsOn, endsOn: data.endsOn, status: 'open', createdBy: actor.userId, createdAt: ctx.clock.now() })
      .returning();
    await audit(tx, ctx, 'donation_drive.create', {
      objectType: 'donation_drive',
      objectId: drive.id,
      orgId: org.id,
      orgPath: org.path,
      details: { name: drive.name, fundId: fund.id, goalFen: drive.goalFen, startsOn: drive.startsOn, endsOn: drive.endsOn },
    });
    return presentDrive(await getDriveInScope(tx, actor, drive.id), { raisedFen: 0, matchedFen: 0, donationCount: 0 });
  });
}
