import type { DbOrTx } from '../../../db/client.js';
import { presentPublicDrive, presentThanksLine } from './donations.presenter.js';
import { figuresOf, getDrive, listThanks } from './donations.queries.js';

/** A drive's public page (no sign-in): its goal and what it has raised, from the ledger. */
export async function publicDrive(db: DbOrTx, id: string) {
  const row = await getDrive(db, id);
  return presentPublicDrive(row, await figuresOf(db, row.drive.id));
}

/**
 * The public thank-you list (致谢名单): persons' names masked (张*, 欧阳**), anonymous gifts without a
 * name (shown as 爱心人士), gifts kept off the list and refunded gifts left out.
 */
export async function publicThanks(db: DbOrTx, id: string, page: { page: number; pageSize: number }) {
  const row = await getDrive(db, id);
  const { items, total } = await listThanks(db, row.drive.id, page);
  return { items: items.map(presentThanksLine), total, ...page };
}
