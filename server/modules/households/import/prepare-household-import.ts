import crypto from 'node:crypto';
import { maskCnId } from '../../../../contracts/cn-ids.js';
import type { PiiKeys } from '../../../platform/secrets.js';
import { idNumberHash, protectIdNumber } from '../household-pii.js';
import { householdColumns, memberRows, workerIdColumns } from '../household-record.js';
import { parseHouseholdWorkbook, type ImportError, type ParsedHousehold, type SheetReading } from './parse-household-workbook.js';

/** Where an ID number of the file sits, by its keyed hash: enough to report it if the archive holds it. */
export interface IdInFile {
  hash: string;
  sheet: string;
  row: number;
  /** The number masked (410803********1234), as the report shows it. */
  value: string;
}

/** A household ready to insert: every column but those the writer stamps (case number, org, status, times). */
export interface PreparedHousehold {
  /** The household's row in the file, kept in its history. */
  row: number;
  columns: ReturnType<typeof householdColumns> & ReturnType<typeof workerIdColumns> & { id: string; name: string };
  members: ReturnType<typeof memberRows>;
}

// A larger young generation for the preparing threads: 100,000 households make millions of short-lived objects.
export const PREPARATION_LIMITS = { maxYoungGenerationSizeMb: 192 };

export type PreparationMessage =
  | { type: 'progress'; rowsRead: number }
  | { type: 'invalid'; rowsRead: number; errors: ImportError[]; ids: IdInFile[] }
  | { type: 'valid'; rowsRead: number; households: number; members: number }
  | { type: 'batch'; households: PreparedHousehold[]; ids: IdInFile[] }
  | { type: 'done' };

/**
 * Reads and validates a workbook, then encrypts and hashes it into rows, in batches. Runs in a worker
 * thread (household-import-worker.ts) so the writer on the main thread inserts one batch while the
 * next is prepared, and the server keeps answering while a large file is parsed.
 */
export async function prepareHouseholdImport(
  buffer: Buffer,
  secrets: PiiKeys,
  post: (m: PreparationMessage) => void,
  readMemberSheet?: () => Promise<SheetReading>,
  batchSize = 5000,
) {
  const parsed = await parseHouseholdWorkbook(buffer, (rowsRead) => post({ type: 'progress', rowsRead }), readMemberSheet);
  if (parsed.errors.length > 0 || parsed.households.length === 0) {
    // The report names people already in the archive too, so a file is fixed in one round.
    const hash = (idNumber: string) => idNumberHash(secrets, idNumber);
    const ids = parsed.households.flatMap((h) => idsInFile(h, hash(h.input.idNumber), h.input.members.map((m) => hash(m.idNumber))));
    post({ type: 'invalid', rowsRead: parsed.rowsRead, errors: parsed.errors, ids });
    return;
  }
  const members = parsed.households.reduce((n, h) => n + h.input.members.length, 0);
  post({ type: 'valid', rowsRead: parsed.rowsRead, households: parsed.households.length, members });
  // A small first batch lets the writer start sooner.
  for (let i = 0, size = Math.min(1000, batchSize); i < parsed.households.length; i += size, size = batchSize) {
    const batch = parsed.households.slice(i, i + size);
    const households = batch.map((h) => prepareHousehold(secrets, h));
    const ids = batch.flatMap((h, j) => idsInFile(h, households[j].columns.idHash, households[j].members.map((m) => m.idHash)));
    post({ type: 'batch', households, ids });
  }
  post({ type: 'done' });
}

function prepareHousehold(secrets: PiiKeys, parsed: ParsedHousehold): PreparedHousehold {
  const id = crypto.randomUUID();
  const worker = protectIdNumber(secrets, parsed.input.idNumber);
  const columns = Object.assign(householdColumns(secrets, parsed.input), workerIdColumns(worker), { id, name: parsed.input.name });
  return { row: parsed.row, columns, members: memberRows(secrets, id, parsed.input.members) };
}

function idsInFile(h: ParsedHousehold, workerHash: string, memberHashes: string[]): IdInFile[] {
  return [
    { hash: workerHash, sheet: '户主信息', row: h.row, value: maskCnId(h.input.idNumber) },
    ...h.input.members.map((m, i) => ({ hash: memberHashes[i], sheet: '家庭成员', row: h.memberRows[i], value: maskCnId(m.idNumber) })),
  ];
}
