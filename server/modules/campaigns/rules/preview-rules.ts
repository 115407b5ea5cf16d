import type { Ctx } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';

/** The rule preview (being built). */
export async function previewCampaignRules(_args: { ctx: Ctx; id: string; input: unknown }): Promise<unknown> {
  throw new AppError('INTERNAL', 'the rule preview is not built yet');
}
