import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { createTestDatabase } from '../test-support/test-db.js';
import { matchQuery, searchTermsOf, termsArray } from './search-terms.js';

describe('search terms', () => {
  it('splits Chinese into overlapping bigrams and keeps Latin words and numbers whole', () => {
    expect(searchTermsOf('电焊工（持证）')).toEqual(['电焊', '焊工', '持证']);
    expect(searchTermsOf('CAD 制图员 C1驾照', '焦作')).toEqual(['cad', '制图', '图员', 'c1', '驾照', '焦作']);
    expect(searchTermsOf('工')).toEqual(['工']);
    expect(searchTermsOf(null, '')).toEqual([]);
  });
});

describe('matchQuery on the database', () => {
  let database: Database;
  const rows = [
    [1, '电焊工', '持证上岗'],
    [2, '焊接技术员', '熟悉氩弧焊'],
    [3, '数控车工', '会CAD制图'],
    [4, '仓库管理员', '工作认真'],
  ] as const;
  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.execute(sql`create table search_probe (id int, title text, body text, terms text[])`);
    for (const [id, title, body] of rows) await database.db.execute(sql`insert into search_probe values (${id}, ${title}, ${body}, ${termsArray(searchTermsOf(title, body))})`);
  });
  afterAll(() => database.close());

  const find = async (q: string) => {
    const where = matchQuery(q, sql.raw('terms'), [sql.raw('title'), sql.raw('body')]) ?? sql`true`;
    const r = (await database.db.execute(sql`select id from search_probe where ${where} order by id`)) as unknown as { rows: Array<{ id: number }> };
    return r.rows.map((x) => x.id);
  };

  it('finds 焊工 in 电焊工, a Latin word regardless of case, several pieces together, and one character by substring', async () => {
    expect(await find('焊工')).toEqual([1]);
    expect(await find('焊')).toEqual([1, 2]);
    expect(await find('cad')).toEqual([3]);
    expect(await find('车工 CAD')).toEqual([3]);
    expect(await find('工')).toEqual([1, 3, 4]);
    expect(await find('管理员 焊')).toEqual([]);
    expect(await find('  ，')).toEqual([1, 2, 3, 4]);
  });
});
