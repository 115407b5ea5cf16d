import { ApplicationExclusion, IneligibilityReason as ReasonCodes, PreviewRulesInput, type RulePreview } from '../../../../contracts/campaigns.js';
import { SchoolStage } from '../../../../contracts/households.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { getCampaignInScope, listParticipants } from '../campaigns.queries.js';
import type { IneligibilityReason } from './evaluate-rules.js';
import { countPreview, type PreviewCountRow } from './preview-counts.js';
import { previewScope } from './preview-scope.js';
import { assertRulesFitProgram } from './rules-fit-program.js';

// The contract's reasons are the evaluation's, no more and no fewer.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const reasonsAgree: Same<IneligibilityReason, (typeof ReasonCodes.keys)[number]> = true;
void reasonsAgree;

/** The reasons the archive can tell, in the evaluation's order; the schools' exclusions wait for the applications. */
const STUDENT_REASONS = ['household_status', 'category', 'income_over_threshold', 'stage_not_covered'] as const;
const HOUSEHOLD_REASONS = ['household_status', 'category', 'income_over_threshold'] as const;
const REASON_COLUMN = { household_status: 'householdStatus', category: 'category', income_over_threshold: 'incomeOverThreshold', stage_not_covered: 'stageNotCovered' } as const;

/**
 * 规则试算: how many households and students in the actor's view of the campaign qualify under its
 * saved rules (or rules sent unsaved from the editor), by participant and by stage, the amount they
 * would get, and why the others do not. It writes nothing. The rules run as SQL aggregates over the
 * archive (preview-counts.ts), equal to evaluate-rules.ts (preview-rules.test.ts holds them together).
 */
export async function previewCampaignRules({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }): Promise<RulePreview> {
  const actor = await authorize(ctx, 'campaign.read');
  const data = PreviewRulesInput.parse(input);
  const campaign = await getCampaignInScope(ctx.db, actor, id);
  if (data.rules) assertRulesFitProgram(campaign.programKind, data.rules);
  const rules = data.rules ?? campaign.rules;
  const kind = campaign.programKind;
  const scope = await previewScope(ctx.db, actor, await listParticipants(ctx.db, campaign.id), rules);
  const rows = await countPreview(ctx.db, kind, rules, scope.orgs);

  const perStudent = kind === 'per_student';
  const amountOf = (r: PreviewCountRow) => {
    if (r.stage === null) return perStudent ? 0 : r.qualifying * (rules.householdAmountFen ?? 0);
    return r.qualifying * (rules.amounts.find((a) => a.stage === r.stage)?.filedFen ?? 0);
  };
  const sum = (of: PreviewCountRow[], pick: (r: PreviewCountRow) => number) => checked(of.reduce((n, r) => n + pick(r), 0));
  const count = (of: PreviewCountRow[]) => ({ inScope: sum(of, (r) => r.total), qualifying: sum(of, (r) => r.qualifying) });
  const householdRows = rows.filter((r) => r.stage === null);
  const studentRows = rows.filter((r) => r.stage !== null);

  const stages = SchoolStage.keys.filter((s) => (rules.stages as string[]).includes(s) || studentRows.some((r) => r.stage === s));
  const reasonRows = perStudent ? studentRows : householdRows;
  return {
    kind,
    rulesVersion: data.rules ? null : campaign.rulesVersion,
    households: count(householdRows),
    students: perStudent ? count(studentRows) : null,
    estimatedAmountFen: sum(rows, amountOf),
    byOrg: scope.participants.map((p, part) => {
      const mine = rows.filter((r) => r.part === part);
      return {
        orgId: p.orgId,
        orgName: p.orgName,
        households: count(mine.filter((r) => r.stage === null)),
        students: perStudent ? count(mine.filter((r) => r.stage !== null)) : null,
        amountFen: sum(mine, amountOf),
      };
    }),
    byStage: perStudent
      ? stages.map((stage) => {
          const at = studentRows.filter((r) => r.stage === stage);
          return { stage, students: sum(at, (r) => r.total), qualifying: sum(at, (r) => r.qualifying), amountFen: sum(at, amountOf) };
        })
      : [],
    reasons: (perStudent ? STUDENT_REASONS : HOUSEHOLD_REASONS).map((reason) => ({
      reason,
      [perStudent ? 'students' : 'households']: sum(reasonRows, (r) => r[REASON_COLUMN[reason]]),
    })),
    exclusionsAtApplication: perStudent ? ApplicationExclusion.options.filter((e) => rules.exclusions[e]) : [],
  };
}

function checked(fen: number): number {
  if (!Number.isSafeInteger(fen)) throw new AppError('INTERNAL', 'preview amount out of range');
  return fen;
}
