import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { buildHouseholdWorkbook, validHouseholdRows } from '../test-support/household-workbook.js';
import { bombs, textEntry, zipOf } from '../test-support/xlsx-bombs.js';
import { AppError, HTTP_STATUS } from './errors.js';
import { assertXlsxWithinBounds } from './xlsx-bounds.js';

const MiB = 1024 * 1024;
const BOMBS = bombs();

/** Status, reason and message of the refusal, or null when the file passes. */
async function outcome(file: Buffer) {
  try {
    await assertXlsxWithinBounds(file);
    return null;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { status: HTTP_STATUS[err.code], reason: err.details.reason, limit: err.details.limit, field: err.details.field, message: err.message };
  }
}

describe('assertXlsxWithinBounds', () => {
  it('refuses every crafted bomb with 413 or 400 and the Chinese reason naming the limit, in bounded memory and without holding the event loop', { timeout: 120_000 }, async () => {
    const expected: Record<string, [number, string, string]> = {
      '1 GiB sheet part (declared honestly)': [413, 'part_too_large', '工作表解压后超过 256 MB 上限'],
      '1 GiB sheet part declaring 100 MiB': [400, 'malformed', '文件不是有效的 .xlsx 工作簿'],
      'two sheets pointing at one 200 MiB part': [400, 'shared_part', '两个工作表指向同一个部件，不是有效的 .xlsx 工作簿'],
      'three 200 MiB parts (600 MiB in all)': [413, 'workbook_too_large', '工作簿解压后合计超过 512 MB 上限'],
      '10,000,000 rows': [413, 'too_many_rows', '工作表超过 500,000 行上限'],
      '7,000,000 cells (70,000 rows of 100)': [413, 'too_many_cells', '工作表超过 6,000,000 个单元格上限'],
      'a cell in column 1,000': [413, 'too_many_columns', '工作表超过 200 列上限'],
      'entity declaration': [400, 'entity_declaration', '文件含有 XML 实体声明（DOCTYPE/ENTITY），不予接受'],
      'duplicated part': [400, 'duplicate_part', '文件中有同名的重复部件，不是有效的 .xlsx 工作簿'],
      'NUL as &#0; in a cell': [400, 'nul_character', '单元格含有空字符（NUL，&#0;），不予接受'],
      'truncated zip': [400, 'truncated', '文件不完整（压缩包被截断），请重新保存后再上传'],
    };
    const files = BOMBS;
    expect(files.map((f) => f.name).sort()).toEqual(Object.keys(expected).sort());
    const loop = monitorEventLoopDelay({ resolution: 10 });
    const baseline = process.memoryUsage().rss;
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss - baseline)), 5);
    loop.enable();
    try {
      for (const { name, file } of files) {
        const [status, reason, message] = expected[name];
        expect(await outcome(file), name).toMatchObject({ status, reason, message, field: 'file' });
      }
    } finally {
      loop.disable();
      clearInterval(sampler);
    }
    expect(peak / MiB, 'RSS growth in MB while checking the bombs').toBeLessThan(150);
    expect(loop.max / 1e6, 'longest event-loop stall in ms').toBeLessThan(200);
  });

  it('names the limit in details and passes a legitimate workbook', async () => {
    const [honest] = BOMBS;
    expect(await outcome(honest.file)).toMatchObject({ limit: 256 * MiB });
    const { household, members } = validHouseholdRows();
    expect(await outcome(await buildHouseholdWorkbook([household], members))).toBeNull();
    const many = Array.from({ length: 2000 }, () => validHouseholdRows());
    const large = await buildHouseholdWorkbook(many.map((r) => r.household), many.flatMap((r) => r.members));
    expect(large.length).toBeGreaterThan(64 * 1024); // checked in the worker thread
    expect(await outcome(large)).toBeNull();
  });

  it('refuses what is not a zip, and a zip that is not a workbook, with 400', async () => {
    expect(await outcome(Buffer.from('户主姓名,身份证号\n'))).toMatchObject({ status: 400, reason: 'not_zip' });
    expect(await outcome(zipOf([textEntry('readme.txt', 'hello')]))).toMatchObject({ status: 400, reason: 'malformed', message: '文件不是有效的 .xlsx 工作簿' });
  });
});
