import { and, eq, inArray } from 'drizzle-orm';
import { CreateApplicationInput, FiveClear, NationalAid } from '../../../../contracts/campaigns.js';
import type { ImportError } from '../../../../contracts/households.js';
import type { DbOrTx } from '../../../db/client.js';
import { householdMembers, households, orgs } from '../../../db/schema/index.js';
import { inActorSubtree } from '../../../platform/authz.js';
import type { Actor } from '../../../platform/context.js';
import type { PiiKeys } from '../../../platform/secrets.js';
import { idNumberHash } from '../../households/household-pii.js';
import { householdVisible } from '../../households/households.queries.js';
import type { TemplateSheet } from '../../households/import/parse-household-workbook.js';
import { IMPORT_REASONS } from '../../households/import/import-reasons.js';
import { APPLICATION_COLUMNS, APPLICATION_SHEET, EXAMPLE_STUDENT_IDS, headerOf, UNFILED_COLUMNS } from './application-import-columns.js';
import { APPLICATION_IMPORT_REASONS as R } from './application-import-reasons.js';

/** A row ready for insertApplication: the API's input, and what the report shows of it. */
export interface PreparedApplicationRow {
  row: number;
  input: CreateApplicationInput;
  obj: Record<string, unknown>;
}

type Row = TemplateSheet['rows'][number];

const error = (row: number, field: string, value: string, reason: string): ImportError => ({ sheet: APPLICATION_SHEET, row, column: headerOf(field), value, reason });

const at = (obj: Record<string, unknown>, path: string): unknown => path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);

/** A converted cell as the report shows it: labels for codes, yuan for amounts, 是/否 (the number columns are masked when stored). */
export function displayValue(obj: Record<string, unknown>, field: string): string {
  const v = at(obj, field);
  if (v === undefined || v === null) return '';
  const col = APPLICATION_COLUMNS.find((c) => c.field === field);
  if (col?.type.kind === 'code') return col.type.codes.labels[String(v)]?.[0] ?? String(v);
  if (col?.type.kind === 'yuan' && typeof v === 'number') return (v / 100).toString();
  if (col?.type.kind === 'yesno') return v ? '是' : '否';
  return Array.isArray(v) ? v.join('、') : String(v);
}

const AID_BY_TEXT = new Map(NationalAid.keys.flatMap((k) => [[NationalAid.labels[k][0], k], [k, k], [NationalAid.labels[k][1].toLowerCase(), k]] as const));

/**
 * Checks each converted row on its own (before any lookup): example rows, the same student twice,
 * national aid named in words, applicant columns on a filed row; fills the five clears.
 */
export function checkRows(rows: Row[], errors: ImportError[]): Row[] {
  const firstRowOf = new Map<string, number>();
  const kept: Row[] = [];
  for (const { row, obj, ok } of rows) {
    const studentId = at(obj, 'student.idNumber') as string | undefined;
    if (studentId && EXAMPLE_STUDENT_IDS.has(studentId)) {
      errors.push(error(row, 'student.idNumber', studentId, R.exampleRow));
      continue;
    }
    let good = ok;
    if (studentId) {
      const first = firstRowOf.get(studentId);
      if (first !== undefined) {
        errors.push(error(row, 'student.idNumber', studentId, R.duplicateInFile(first)));
        good = false;
      } else firstRowOf.set(studentId, row);
    }
    if (typeof obj.nationalAid === 'string') {
      const words = obj.nationalAid.split(/[、,，;；/\s]+/).filter(Boolean);
      const keys = words.map((w) => AID_BY_TEXT.get(w) ?? AID_BY_TEXT.get(w.toLowerCase()));
      if (keys.some((k) => k === undefined)) {
        errors.push(error(row, 'nationalAid', obj.nationalAid, R.nationalAid(NationalAid.keys.map((k) => NationalAid.labels[k][0]).join('、'))));
        good = false;
      } else obj.nationalAid = [...new Set(keys)];
    }
    if (obj.caseNo !== undefined) {
      for (const col of UNFILED_COLUMNS)
        if (at(obj, col.field) !== undefined) {
          errors.push(error(row, col.field, displayValue(obj, col.field), R.filedNoApplicant));
          good = false;
        }
    }
    if (obj.fiveClears) {
      const given = obj.fiveClears as Record<string, boolean>;
      obj.fiveClears = Object.fromEntries(FiveClear.keys.map((k) => [k, { checked: given[k] ?? false, note: null }]));
    }
    if (good) kept.push({ row, obj, ok });
  }
  return kept;
}

/**
 * Finds the filed rows' households (by case no, in the actor's scope and under the importing org)
 * and students (the member with that ID number), then checks every row against the API's contract
 * (CreateApplicationInput). Returns the rows that passed; the others' errors go to `errors`.
 */
export async function resolveRows(
  db: DbOrTx,
  actor: Actor,
  secrets: PiiKeys,
  target: { campaignId: string; orgId: string; orgPath: string },
  rows: Row[],
  errors: ImportError[],
): Promise<PreparedApplicationRow[]> {
  const caseNos = [...new Set(rows.flatMap((r) => (typeof r.obj.caseNo === 'string' ? [r.obj.caseNo.toUpperCase()] : [])))];
  const found = caseNos.length
    ? await db
        .select({ id: households.id, caseNo: households.caseNo, orgPath: orgs.path })
        .from(households)
        .innerJoin(orgs, eq(orgs.id, households.orgId))
        .where(and(inArray(households.caseNo, caseNos), inActorSubtree(actor, households.orgId), householdVisible()))
    : [];
  const householdByCaseNo = new Map(found.map((h) => [h.caseNo, h]));
  const hashOf = (id: string) => idNumberHash(secrets, id);
  const filedHashes = rows.flatMap((r) => (r.obj.caseNo !== undefined && typeof at(r.obj, 'student.idNumber') === 'string' ? [hashOf(at(r.obj, 'student.idNumber') as string)] : []));
  const members = found.length && filedHashes.length
    ? await db
        .select({ id: householdMembers.id, householdId: householdMembers.householdId, idHash: householdMembers.idHash, name: householdMembers.name })
        .from(householdMembers)
        .where(and(inArray(householdMembers.householdId, found.map((h) => h.id)), inArray(householdMembers.idHash, [...new Set(filedHashes)])))
    : [];
  const memberOf = new Map(members.map((m) => [`${m.householdId}:${m.idHash}`, m]));

  const prepared: PreparedApplicationRow[] = [];
  for (const { row, obj } of rows) {
    const { caseNo, student, unfiled, ...fields } = obj as { caseNo?: string; student?: { name?: string; idNumber?: string }; unfiled?: Record<string, unknown> } & Record<string, unknown>;
    let who: Record<string, unknown>;
    if (caseNo !== undefined) {
      const h = householdByCaseNo.get(caseNo.toUpperCase());
      if (!h) {
        errors.push(error(row, 'caseNo', caseNo, R.unknownCaseNo));
        continue;
      }
      if (!h.orgPath.startsWith(target.orgPath)) {
        errors.push(error(row, 'caseNo', caseNo, R.notUnderOrg));
        continue;
      }
      if (!student?.idNumber) continue; // reported as an empty required cell
      const member = memberOf.get(`${h.id}:${hashOf(student.idNumber)}`);
      if (!member) {
        errors.push(error(row, 'student.idNumber', student.idNumber, R.notMember));
        continue;
      }
      if (student.name !== undefined && student.name !== member.name) {
        errors.push(error(row, 'student.name', student.name, R.nameMismatch));
        continue;
      }
      who = { householdId: h.id, memberId: member.id };
    } else {
      who = { unfiled: unfiled ?? {}, student: student ?? {} };
    }
    const parsed = CreateApplicationInput.safeParse({ campaignId: target.campaignId, orgId: target.orgId, ...who, ...fields });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.join('.');
        const value = at(obj, field);
        const column = APPLICATION_COLUMNS.find((c) => c.field === field || field.startsWith(`${c.field}.`))?.field ?? field;
        const reason = value === undefined ? (field.startsWith('unfiled.') || field === 'student.name' ? R.requiredUnfiled : IMPORT_REASONS.required) : R.invalid(issue.message);
        errors.push(error(row, column, displayValue(obj, column), reason));
      }
      continue;
    }
    prepared.push({ row, input: parsed.data, obj });
  }
  return prepared;
}
