import { and, eq, ne } from 'drizzle-orm';
import { UpdateDonationDriveInput } from '../../../../contracts/donations.js';
import { donationDrives } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { conflict, validation } from '../../../platform/errors.js';
import { presentDrive } from './donations.presenter.js';
import { figuresOf, getDriveInScope } from './donations.queries.js';

/** Edits a drive, or closes it (`status: 'closed'`: no more donations) and opens it again. */
export async function updateDonationDrive({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }) {
  const actor = await authorize(ctx, 'fund.post');
  const data = UpdateDonationDriveInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const before = await getDriveInScope(tx, actor, id);
    const { drive } = before;
    const startsOn = data.startsOn ?? drive.startsOn;
    const endsOn = data.endsOn ?? drive.endsOn;
    if (endsOn < startsOn) throw validation([{ field: data.endsOn ? 'body.endsOn' : 'body.startsOn', message: 'the drive ends before it starts' }]);
    if (data.name && data.name !== drive.name) {
      const [taken] = await tx.select({ id: donationDrives.id }).from(donationDrives).where(and(eq(donationDrives.orgId, drive.orgId), eq(donationDrives.name, data.name), ne(donationDrives.id, drive.id)));
      if (taken) throw conflict('name_taken', 'the org already has a drive of this name', { field: 'name' });
    }
    const changes = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
    if (Object.keys(changes).length) await tx.update(donationDrives).set(changes).where(eq(donationDrives.id, drive.id));
    const action = data.status && data.status !== drive.status ? (data.status === 'closed' ? 'donation_drive.close' : 'donation_drive.reopen') : 'donation_drive.update';
    await audit(tx, ctx, action, {
      objectType: 'donation_drive',
      objectId: drive.id,
      orgId: drive.orgId,
      orgPath: before.orgPath,
      details: { changes, before: Object.fromEntries(Object.keys(changes).map((k) => [k, drive[k as keyof typeof drive]])) },
    });
    return presentDrive(await getDriveInScope(tx, actor, drive.id), await figuresOf(tx, drive.id));
  });
}
