/**
 * Upload bounds benchmark (docs/decisions/008-upload-bounds.md): builds crafted .xlsx bombs in memory
 * and prints, for each, what the upload-time check (assertXlsxWithinBounds), the reader the import
 * runs (readXlsxSheets) and the app's import route answer, with the time and the process's RSS growth;
 * and the same for a legitimate 10,000-household workbook as the baseline.
 *
 *   npm run bench:bombs
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError, HTTP_STATUS } from '../server/platform/errors.js';
import { assertXlsxWithinBounds } from '../server/platform/xlsx-bounds.js';
import { readXlsxSheets, XlsxFormatError } from '../server/platform/xlsx-reader.js';
import { createTestApp } from '../server/test-support/test-app.js';
import { bombs } from '../server/test-support/xlsx-bombs.js';
import { writeHouseholdWorkbook } from './household-workbook-stream.js';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MB = (bytes: number) => (bytes / 1048576).toFixed(0).padStart(5);

/** Runs `work` while sampling RSS every 5 ms (a synchronous run is measured at its end); returns its outcome, time and peak growth. */
async function measure(work: () => Promise<string> | string) {
  globalThis.gc?.();
  const before = process.memoryUsage().rss;
  let peak = 0;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss - before));
  const timer = setInterval(sample, 5);
  const t0 = performance.now();
  let outcome: string;
  try {
    outcome = await work();
  } catch (err) {
    outcome = err instanceof AppError ? `${HTTP_STATUS[err.code]} ${err.details.reason} ${err.message}` : err instanceof XlsxFormatError ? `${err.reason} ${err.chinese}` : `THREW ${(err as Error).message}`;
  }
  sample();
  clearInterval(timer);
  return { outcome, ms: Math.round(performance.now() - t0), rss: peak };
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'uh-bench-bombs-'));
  const legitPath = path.join(tmp, 'legit.xlsx');
  await writeHouseholdWorkbook(legitPath, 10_000);
  const files = [{ name: 'legitimate 10,000 households (baseline)', file: fs.readFileSync(legitPath) }, ...bombs()];

  const t = await createTestApp();
  await t.createUser('bench.admin', 'A', ['org_admin']);
  const admin = await t.signIn('bench.admin');
  const viaApp = async (file: Buffer) => {
    const res = await admin.request({ method: 'POST', url: `/api/household-imports?orgId=${t.orgs.A.id}&filename=bomb.xlsx`, headers: { 'content-type': XLSX_MIME }, payload: file });
    const body = res.json() as { error?: { message: string; details?: { reason?: string } }; id?: string; status?: string };
    if (body.error || !body.id) return `${res.statusCode} ${body.error?.details?.reason ?? ''} ${body.error?.message ?? res.body.slice(0, 200)}`;
    for (let i = 0; i < 600; i++) {
      const job = (await admin.get(`/api/household-imports/${body.id}`)).json() as { status?: string; message?: string | null; errorsPreview?: Array<{ reason: string }> };
      if (job.status && !['queued', 'validating', 'checking_archive', 'writing', 'running'].includes(job.status))
        return `${res.statusCode}, job ${job.status}: ${job.errorsPreview?.[0]?.reason ?? job.message ?? ''}`;
      await new Promise((r) => setTimeout(r, 100));
    }
    return `${res.statusCode}, job still running after 60 s`;
  };

  console.log(`caps: see server/platform/xlsx-limits.ts; RSS growth is the peak over the process's RSS before each run (MB)\n`);
  for (const { name, file } of files) {
    console.log(`${name}: ${(file.length / 1024).toFixed(0)} KiB file`);
    const check = await measure(async () => (await assertXlsxWithinBounds(file), 'passes'));
    console.log(`  assertXlsxWithinBounds ${String(check.ms).padStart(6)} ms  RSS +${MB(check.rss)} MB  ${check.outcome}`);
    const reader = await measure(() => {
      const sheets = readXlsxSheets(file, ['户主信息', '家庭成员']);
      return `read ${[...sheets.values()].reduce((n, rows) => n + rows.length, 0)} rows`;
    });
    console.log(`  readXlsxSheets         ${String(reader.ms).padStart(6)} ms  RSS +${MB(reader.rss)} MB  ${reader.outcome}`);
  }
  // Last, so the imports the route starts in the background do not blur the numbers above.
  console.log('\nthrough the app (POST /api/household-imports, then the job until it settles):');
  for (const { name, file } of files) {
    const app = await measure(() => viaApp(file));
    console.log(`  ${name}: ${String(app.ms).padStart(6)} ms  RSS +${MB(app.rss)} MB  ${app.outcome}`);
  }
  await new Promise((r) => setTimeout(r, 2000)); // let started imports finish before closing
  await t.close().catch(() => {});
  fs.rmSync(tmp, { recursive: true, force: true });
}

await main();
process.exit(0);
