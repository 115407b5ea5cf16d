// The collective-entry table's rows: typed in or read from a sheet, checked here the way the server
// checks them, and the server's per-row refusals (`body.rows.3.amountFen`) placed back on their rows.
import { DONATION_BATCH_MAX_ROWS } from '../../../../contracts/donations.js';
import type { FieldIssue } from '../../../shared/api.js';
import { parseYuan } from '../../../shared/money.js';

export interface BatchRow {
  key: string;
  name: string;
  unit: string;
  /** 元 as typed. */
  amount: string;
}

export type RowField = 'name' | 'unit' | 'amount';
export type RowProblem = 'nameRequired' | 'amountInvalid' | 'tooLong';
export interface RowError {
  field: RowField;
  problem?: RowProblem;
  /** The server's own message, when it refused the row. */
  message?: string;
}

let seq = 0;
export const newRowKey = () => `r${++seq}`;
export const emptyRows = (n: number): BatchRow[] => Array.from({ length: n }, () => ({ key: newRowKey(), name: '', unit: '', amount: '' }));

const isBlank = (r: BatchRow) => !r.name.trim() && !r.unit.trim() && !r.amount.trim();
const NAME_MAX = 100;

export interface CheckedRows {
  /** The rows to send, in table order (blank rows left out), with the table key of each. */
  rows: Array<{ key: string; donorName: string; donorUnit: string | null; amountFen: number }>;
  errors: Map<string, RowError[]>;
  totalFen: number;
}

/** Checks every row that is not blank; never stops at the first. */
export function checkRows(table: BatchRow[]): CheckedRows {
  const rows: CheckedRows['rows'] = [];
  const errors = new Map<string, RowError[]>();
  let totalFen = 0;
  for (const r of table) {
    if (isBlank(r)) continue;
    const problems: RowError[] = [];
    const name = r.name.trim();
    const unit = r.unit.trim();
    if (!name) problems.push({ field: 'name', problem: 'nameRequired' });
    else if (Array.from(name).length > NAME_MAX) problems.push({ field: 'name', problem: 'tooLong' });
    if (Array.from(unit).length > NAME_MAX) problems.push({ field: 'unit', problem: 'tooLong' });
    const amount = parseYuan(r.amount, { positive: true });
    if ('problem' in amount) problems.push({ field: 'amount', problem: 'amountInvalid' });
    if (problems.length) {
      errors.set(r.key, problems);
      continue;
    }
    const fen = (amount as { fen: number }).fen;
    totalFen += fen;
    rows.push({ key: r.key, donorName: name, donorUnit: unit || null, amountFen: fen });
  }
  return { rows, errors, totalFen };
}

export const tooManyRows = (checked: CheckedRows) => checked.rows.length > DONATION_BATCH_MAX_ROWS;

const SERVER_FIELDS: Record<string, RowField> = { donorName: 'name', donorUnit: 'unit', amountFen: 'amount' };

/** The server's refusals of rows (`body.rows.<index>.<field>`) on the table rows that were sent. */
export function rowErrorsFromIssues(issues: FieldIssue[], sentKeys: string[]): Map<string, RowError[]> {
  const out = new Map<string, RowError[]>();
  for (const issue of issues) {
    const m = /^body\.rows\.(\d+)\.(\w+)$/.exec(issue.field);
    const key = m ? sentKeys[Number(m[1])] : undefined;
    if (!m || !key) continue;
    out.set(key, [...(out.get(key) ?? []), { field: SERVER_FIELDS[m[2]] ?? 'name', message: issue.message }]);
  }
  return out;
}

/** Rows read from a sheet, as table rows (amounts shown in 元 with two decimals). */
export function rowsFromSheet(rows: Array<{ donorName: string; donorUnit: string | null; amountFen: number }>): BatchRow[] {
  return rows.map((r) => ({ key: newRowKey(), name: r.donorName, unit: r.donorUnit ?? '', amount: `${Math.floor(r.amountFen / 100)}.${String(r.amountFen % 100).padStart(2, '0')}` }));
}

/** Rows pasted from a spreadsheet (tab-separated: name, unit, amount; or name and amount). */
export function rowsFromPaste(text: string): BatchRow[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.split('\t').map((c) => c.trim()))
    .filter((cells) => cells.some(Boolean))
    .map((cells) => {
      const [name = '', a = '', b] = cells;
      return b === undefined ? { key: newRowKey(), name, unit: '', amount: a } : { key: newRowKey(), name, unit: a, amount: b };
    });
}
