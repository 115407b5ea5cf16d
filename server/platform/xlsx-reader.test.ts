import { PassThrough } from 'node:stream';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { blankSheet, repeatedEntry, SHEET_HEAD, SHEET_TAIL, textEntry, workbookOf } from '../test-support/xlsx-bombs.js';
import { XLSX_LIMITS } from './xlsx-limits.js';
import { readXlsxSheets, XlsxFormatError, type XlsxLimitError, type XlsxRow } from './xlsx-reader.js';

type SimpleRow = [number, Record<number, [string, boolean]>];

/** Rows as plain data, easy to compare with toEqual. */
function simplify(rows: XlsxRow[] | undefined): SimpleRow[] {
  if (!rows) throw new Error('sheet missing from result');
  return rows.map((row) => {
    const cells: Record<number, [string, boolean]> = {};
    for (const [col, cell] of row.cells) cells[col] = [cell.text, cell.isNumber];
    return [row.number, cells];
  });
}

function simplifyAll(result: Map<string, XlsxRow[]>): Record<string, SimpleRow[]> {
  const out: Record<string, SimpleRow[]> = {};
  for (const [name, rows] of result) out[name] = simplify(rows);
  return out;
}

/** Writes a workbook with exceljs's streaming writer into a Buffer. */
async function streamWorkbook(useSharedStrings: boolean, fill: (wb: ExcelJS.stream.xlsx.WorkbookWriter) => void): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', () => resolve());
    stream.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings, useStyles: false });
  fill(wb);
  await wb.commit();
  await ended;
  return Buffer.concat(chunks);
}

const SPECIAL = `A&B <c> "q" 'a' 😀 &amp;`;
const LONG_ID = '410803197805150016';

/** Worksheets of the streaming writer must be committed; in-memory ones have no commit(). */
function commitSheet(ws: ExcelJS.Worksheet): void {
  (ws as { commit?: () => void }).commit?.();
}

/** The sample workbook, written through the common Workbook / WorkbookWriter API. */
function fillSample(wb: ExcelJS.Workbook): void {
  const households = wb.addWorksheet('户主信息');
  const h = (n: number, values: Record<number, ExcelJS.CellValue>): void => {
    const row = households.getRow(n);
    for (const [col, value] of Object.entries(values)) row.getCell(Number(col)).value = value;
    row.commit();
  };
  h(1, { 1: '户主姓名', 2: '身份证号', 3: '人数', 4: '补助金额', 5: '备注' });
  h(2, {
    1: '张三',
    2: LONG_ID,
    3: 3,
    4: 1800.5,
    5: { richText: [{ text: '困难' }, { text: '职工', font: { bold: true, color: { argb: 'FFFF0000' } } }] },
  });
  // C3 left empty, then a boolean, a formula with a string result and the special characters further right
  h(3, { 1: '李四', 2: '110101199001011234', 4: true, 6: { formula: 'A3&"家"', result: '李四家' }, 8: SPECIAL });
  // rows 4 and 5 blank
  h(6, { 1: ' 前后空格 ', 3: 0, 4: false, 27: 'AA列', 28: -12.75 });
  h(7, { 2: 410803197805150016 });
  commitSheet(households);

  const members = wb.addWorksheet('家庭成员');
  const m = (n: number, values: ExcelJS.CellValue[]): void => {
    members.getRow(n).values = values;
    members.getRow(n).commit();
  };
  m(1, ['户主身份证号', '成员姓名', '关系', '年龄']);
  m(2, [LONG_ID, '张小明', '子女', 12]);
  m(3, [LONG_ID, '王芳', '配偶', 40]);
  m(5, ['110101199001011234', '李小红', '女儿', 8]);
  commitSheet(members);

  const hidden = wb.addWorksheet('隐藏参数', { state: 'hidden' });
  hidden.getRow(1).values = ['版本', 2];
  hidden.getRow(1).commit();
  commitSheet(hidden);
}

const EXPECTED_HOUSEHOLDS: SimpleRow[] = [
  [1, { 1: ['户主姓名', false], 2: ['身份证号', false], 3: ['人数', false], 4: ['补助金额', false], 5: ['备注', false] }],
  [2, { 1: ['张三', false], 2: [LONG_ID, false], 3: ['3', true], 4: ['1800.5', true], 5: ['困难职工', false] }],
  [3, { 1: ['李四', false], 2: ['110101199001011234', false], 4: ['1', false], 6: ['李四家', false], 8: [SPECIAL, false] }],
  [6, { 1: [' 前后空格 ', false], 3: ['0', true], 4: ['0', false], 27: ['AA列', false], 28: ['-12.75', true] }],
  [7, { 2: [String(410803197805150016), true] }],
];
const EXPECTED_MEMBERS: SimpleRow[] = [
  [1, { 1: ['户主身份证号', false], 2: ['成员姓名', false], 3: ['关系', false], 4: ['年龄', false] }],
  [2, { 1: [LONG_ID, false], 2: ['张小明', false], 3: ['子女', false], 4: ['12', true] }],
  [3, { 1: [LONG_ID, false], 2: ['王芳', false], 3: ['配偶', false], 4: ['40', true] }],
  [5, { 1: ['110101199001011234', false], 2: ['李小红', false], 3: ['女儿', false], 4: ['8', true] }],
];
const EXPECTED_HIDDEN: SimpleRow[] = [[1, { 1: ['版本', false], 2: ['2', true] }]];

async function sampleWorkbooks(): Promise<Record<string, Buffer>> {
  const inMemory = new ExcelJS.Workbook();
  fillSample(inMemory);
  return {
    'in-memory (shared strings)': Buffer.from(await inMemory.xlsx.writeBuffer()),
    'streaming, shared strings': await streamWorkbook(true, fillSample),
    'streaming, inline strings': await streamWorkbook(false, fillSample),
  };
}

describe('readXlsxSheets on exceljs workbooks', () => {
  it('reads Chinese text, numbers, gaps, rich text, formulas, booleans and special characters identically from every writer', async () => {
    const books = await sampleWorkbooks();
    for (const [label, buffer] of Object.entries(books)) {
      const result = readXlsxSheets(buffer);
      expect([...result.keys()], label).toEqual(['户主信息', '家庭成员', '隐藏参数']);
      expect(simplify(result.get('户主信息')), label).toEqual(EXPECTED_HOUSEHOLDS);
      expect(simplify(result.get('家庭成员')), label).toEqual(EXPECTED_MEMBERS);
      expect(simplify(result.get('隐藏参数')), label).toEqual(EXPECTED_HIDDEN);
    }
    const [first, ...others] = Object.values(books).map((b) => simplifyAll(readXlsxSheets(b)));
    for (const other of others) expect(other).toEqual(first);
  });

  it('keys rows by their real row number and cells by column index', async () => {
    const { 'streaming, inline strings': buffer } = await sampleWorkbooks();
    const rows = readXlsxSheets(buffer, ['户主信息']).get('户主信息')!;
    expect(rows.map((r) => r.number)).toEqual([1, 2, 3, 6, 7]);
    const row6 = rows.find((r) => r.number === 6)!;
    expect([...row6.cells.keys()]).toEqual([1, 3, 4, 27, 28]);
    expect(row6.cells.get(27)).toEqual({ text: 'AA列', isNumber: false });
    expect(row6.cells.has(2)).toBe(false);
  });

  it('parses only the wanted sheets, including a hidden one', async () => {
    const books = await sampleWorkbooks();
    for (const buffer of Object.values(books)) {
      const members = readXlsxSheets(buffer, ['家庭成员']);
      expect([...members.keys()]).toEqual(['家庭成员']);
      expect(simplify(members.get('家庭成员'))).toEqual(EXPECTED_MEMBERS);

      const hidden = readXlsxSheets(buffer, ['隐藏参数', '不存在的表']);
      expect([...hidden.keys()]).toEqual(['隐藏参数']);
      expect(simplify(hidden.get('隐藏参数'))).toEqual(EXPECTED_HIDDEN);

      expect(readXlsxSheets(buffer, []).size).toBe(0);
    }
  });

  it('reads 10,000 rows of Chinese text identically from shared-string and inline-string workbooks', async () => {
    const ROWS = 10_000;
    const expectedRow = (i: number): ExcelJS.CellValue[] => [
      `户主${i}号·张三丰`,
      `河南省新乡市红旗区向阳路${i}号院${'贰'.repeat(i % 13)}单元`,
      i * 3 + 0.25,
      `成员：${'李王赵钱孙'.slice(0, (i % 5) + 1)}、𠮷野家${i % 10}`,
      `${String(410000000000000000 + i * 7919).padStart(18, '0')}`,
    ];
    const fill = (wb: ExcelJS.Workbook): void => {
      const ws = wb.addWorksheet('家庭成员');
      ws.addRow(['户主', '地址', '金额', '成员', '身份证号']).commit();
      for (let i = 1; i <= ROWS; i++) ws.addRow(expectedRow(i)).commit();
      ws.commit();
    };
    const shared = readXlsxSheets(await streamWorkbook(true, fill)).get('家庭成员')!;
    const inline = readXlsxSheets(await streamWorkbook(false, fill)).get('家庭成员')!;
    for (const rows of [shared, inline]) {
      expect(rows).toHaveLength(ROWS + 1);
      const mismatches: string[] = [];
      for (let i = 1; i <= ROWS; i++) {
        const row = rows[i];
        if (row.number !== i + 1) mismatches.push(`row index ${i} has number ${row.number}`);
        const want = expectedRow(i);
        for (let c = 0; c < want.length; c++) {
          const cell = row.cells.get(c + 1);
          const text = String(want[c]);
          const isNumber = typeof want[c] === 'number';
          if (!cell || cell.text !== text || cell.isNumber !== isNumber) {
            mismatches.push(`row ${i + 1} col ${c + 1}: ${JSON.stringify(cell)} instead of ${JSON.stringify({ text, isNumber })}`);
          }
        }
        expect(row.cells.size).toBe(want.length);
      }
      expect(mismatches.slice(0, 10)).toEqual([]);
    }
    expect(simplify(inline)).toEqual(simplify(shared));
  });
});

// ---------------------------------------------------------------------------------------------
// Hand-made packages for XML and ZIP features exceljs never writes
// ---------------------------------------------------------------------------------------------

interface ZipFile {
  name: string;
  data: string;
  store?: boolean;
  localExtra?: Buffer;
}

function makeZip(files: ZipFile[], comment = ''): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name, 'utf8');
    const raw = Buffer.from(file.data, 'utf8');
    const body = file.store ? raw : zlib.deflateRawSync(raw);
    const crc = zlib.crc32(raw) >>> 0;
    const extra = file.localExtra ?? Buffer.alloc(0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(file.store ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(extra.length, 28);
    locals.push(local, name, extra, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(file.store ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + extra.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const commentBytes = Buffer.from(comment, 'utf8');
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(files.length, 8);
  eocd.writeUInt16LE(files.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  eocd.writeUInt16LE(commentBytes.length, 20);
  return Buffer.concat([...locals, cd, eocd, commentBytes]);
}

const NS = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

function handMadePackage(): Buffer {
  return makeZip(
    [
      {
        name: '[Content_Types].xml',
        data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      },
      {
        name: '_rels/.rels',
        data: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      },
      {
        name: 'xl/workbook.xml',
        data: `<?xml version="1.0" encoding="UTF-8"?>\n<x:workbook ${NS}><x:sheets><x:sheet name="R&amp;D 数据" sheetId="1" r:id="rId7"/><x:sheet name="空表" sheetId="2" r:id="rId8"/></x:sheets></x:workbook>`,
        store: true,
        localExtra: Buffer.from([0xfe, 0xca, 0x04, 0x00, 1, 2, 3, 4]),
      },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data: '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/data.xml"/><Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/../worksheets/empty.xml"/><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/><Relationship Id="rId10" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="http://example.com/" TargetMode="External"/></Relationships>',
      },
      {
        name: 'xl/strings.xml',
        data:
          `<x:sst ${NS} count="4" uniqueCount="4">` +
          '<x:si><x:t>普通</x:t></x:si>' +
          '<x:si><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve">东京 </x:t></x:r><x:r><x:t>都</x:t></x:r><x:rPh sb="0" eb="2"><x:t>とうきょう</x:t></x:rPh><x:phoneticPr fontId="1"/></x:si>' +
          '<x:si><x:t/></x:si>' +
          '<x:si><x:t>&#x1F600;&#128512;&#20013;&lt;&amp;lt;&gt;&quot;&apos;&unknown;_x000D_<![CDATA[<raw & text>]]>尾</x:t></x:si>' +
          '</x:sst>',
      },
      {
        name: 'xl/worksheets/data.xml',
        data:
          `<?xml version="1.0"?>\n<!-- a <row> in a comment is not a row --><x:worksheet ${NS}><x:sheetPr/><x:dimension ref="A1:E9"/>` +
          '<x:sheetData>' +
          '<x:row r="2" spans="1:5"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c r="C2" s="1"/><x:c t="s"><x:v>2</x:v></x:c><x:c r="E2" t="s"><x:v>3</x:v></x:c></x:row>' +
          '<x:row r="3"><x:c r="A3" s="3"/><x:c r="B3" s="3"/></x:row>' +
          '<x:row r="4"><x:c r="b4" t="e"><x:f>1/0</x:f><x:v>#DIV/0!</x:v></x:c><x:c r="C4" t="str"><x:f>"a"&amp;"b"</x:f><x:v>ab</x:v></x:c><x:c r="D4" t="d"><x:v>2024-01-31T00:00:00</x:v></x:c><x:c r="E4"><x:f>1+1</x:f></x:c></x:row>' +
          '<x:row><x:c t="inlineStr"><x:is><x:r><x:t>行</x:t></x:r><x:r><x:t>内</x:t></x:r><x:rPh><x:t>ぎょう</x:t></x:rPh></x:is></x:c><x:c t="n"><x:v>4.10803197805150E+17</x:v></x:c><x:c><x:v>1E-3</x:v></x:c><x:c t="inlineStr"><x:is><x:t>a\r\nb</x:t></x:is></x:c></x:row>' +
          '<x:row r="9"/>' +
          '</x:sheetData><x:hyperlinks><x:hyperlink ref="A2" r:id="rId10" display="a>b"/></x:hyperlinks></x:worksheet>',
      },
      {
        name: 'xl/worksheets/empty.xml',
        data: `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>`,
      },
    ],
    'a trailing zip comment with PK\x05\x06 inside',
  );
}

describe('readXlsxSheets on hand-made packages', () => {
  it('handles prefixes, rich text with phonetic runs, entities, CDATA, missing cell refs, odd targets and zip details', () => {
    const result = readXlsxSheets(handMadePackage());
    expect([...result.keys()]).toEqual(['R&D 数据', '空表']);
    expect(result.get('空表')).toEqual([]);
    expect(simplify(result.get('R&D 数据'))).toEqual([
      [2, { 1: ['普通', false], 2: ['东京 都', false], 4: ['', false], 5: [`😀😀中<&lt;>"'&unknown;_x000D_<raw & text>尾`, false] }],
      [4, { 2: ['#DIV/0!', false], 3: ['ab', false], 4: ['2024-01-31T00:00:00', false] }],
      [5, { 1: ['行内', false], 2: ['4.10803197805150E+17', true], 3: ['1E-3', true], 4: ['a\nb', false] }],
    ]);
  });

  it('reads a workbook without sharedStrings and without package relationships', () => {
    const buffer = makeZip([
      {
        name: 'xl/workbook.xml',
        data: `<workbook ${NS.replace('xmlns:x=', 'xmlns=')}><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data: '<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      },
      {
        name: 'xl/worksheets/sheet1.xml',
        data: '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>只有</t></is></c><c r="B1"><v>7</v></c><c r="C1" t="b"><v>0</v></c></row></sheetData></worksheet>',
      },
    ]);
    expect(simplifyAll(readXlsxSheets(buffer))).toEqual({ S: [[1, { 1: ['只有', false], 2: ['7', true], 3: ['0', false] }]] });
  });
});

describe('readXlsxSheets errors', () => {
  it('throws XlsxFormatError for a buffer that is not a zip', () => {
    for (const bad of [Buffer.alloc(0), Buffer.from('户主姓名,身份证号\n张三,410803197805150016\n'), Buffer.alloc(4096, 0x50)]) {
      expect(() => readXlsxSheets(bad)).toThrow(XlsxFormatError);
    }
    // An OLE compound file: legacy .xls, or a password-protected .xlsx
    const ole = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    expect(() => readXlsxSheets(ole)).toThrow(/legacy \.xls or a password-protected/);
  });

  it('throws XlsxFormatError for a truncated or corrupted zip', async () => {
    const { 'streaming, shared strings': good } = await sampleWorkbooks();
    expect(() => readXlsxSheets(good)).not.toThrow();
    for (const cut of [good.length - 1, good.length - 30, Math.floor(good.length / 2), 100]) {
      expect(() => readXlsxSheets(good.subarray(0, cut)), `cut at ${cut}`).toThrow(XlsxFormatError);
    }
    // Damage compressed bytes of the first entry (exceljs streams [Content_Types].xml / rels first) and a sheet
    const damaged = Buffer.from(good);
    for (let i = 200; i < Math.min(damaged.length - 200, 4000); i += 97) damaged[i] ^= 0x5a;
    expect(() => readXlsxSheets(damaged)).toThrow(XlsxFormatError);
  });

  it('throws XlsxFormatError for a zip that is not a workbook, or a sheet part that is missing', () => {
    expect(() => readXlsxSheets(makeZip([{ name: 'readme.txt', data: 'hello' }]))).toThrow(/workbook/);
    const noSheet = makeZip([
      { name: 'xl/workbook.xml', data: `<workbook ${NS}><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>` },
      { name: 'xl/_rels/workbook.xml.rels', data: '<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>' },
    ]);
    expect(() => readXlsxSheets(noSheet)).toThrow(XlsxFormatError);
    expect(readXlsxSheets(noSheet, ['other']).size).toBe(0);
  });
});

describe('readXlsxSheets performance', () => {
  it('reads a 100,000-row, 12-column sheet quickly', { timeout: 300_000 }, async () => {
    const ROWS = 100_000;
    const surnames = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨';
    const writeStart = Date.now();
    const buffer = await streamWorkbook(true, (wb) => {
      const ws = wb.addWorksheet('家庭成员');
      ws.addRow(['户主身份证号', '姓名', '性别', '年龄', '关系', '地址', '收入', '补助', '电话', '单位', '备注', '人数']).commit();
      for (let i = 1; i <= ROWS; i++) {
        ws.addRow([
          String(410000000000000000 + i * 7919),
          `${surnames[i % 16]}${surnames[(i * 7) % 16]}明${i}`,
          i % 2 ? '男' : '女',
          20 + (i % 60),
          ['户主', '配偶', '子女', '父母'][i % 4],
          `河南省新乡市红旗区向阳路${i % 500}号`,
          (i % 9000) + 0.5,
          1800.5,
          `1380000${String(i).padStart(4, '0')}`,
          `新乡市第${i % 40}机械厂`,
          i % 3 ? '' : `困难职工第${i}户`,
          1 + (i % 6),
        ]).commit();
      }
      ws.commit();
    });
    const writeMs = Date.now() - writeStart;

    const start = performance.now();
    const rows = readXlsxSheets(buffer).get('家庭成员')!;
    const ms = performance.now() - start;
    console.log(
      `xlsx-reader: ${ROWS} rows x 12 cols (${(buffer.length / 1e6).toFixed(1)} MB, written by exceljs in ${writeMs} ms) read in ${ms.toFixed(0)} ms = ${Math.round((ROWS / ms) * 1000)} rows/s`,
    );
    expect(rows).toHaveLength(ROWS + 1);
    const last = rows[ROWS];
    expect(last.number).toBe(ROWS + 1);
    expect(last.cells.get(1)).toEqual({ text: String(410000000000000000 + ROWS * 7919), isNumber: false });
    expect(last.cells.get(6)).toEqual({ text: `河南省新乡市红旗区向阳路${ROWS % 500}号`, isNumber: false });
    expect(last.cells.get(8)).toEqual({ text: '1800.5', isNumber: true });
    expect(ms).toBeLessThan(20_000);
  });
});

describe('readXlsxSheets bounds (docs/decisions/008-upload-bounds.md)', () => {
  const MiB = 1024 * 1024;
  const sheet1 = 'xl/worksheets/sheet1.xml';
  const refusal = (file: Buffer, wanted?: string[]) => {
    try {
      readXlsxSheets(file, wanted);
    } catch (err) {
      if (err instanceof XlsxFormatError) return { reason: err.reason, chinese: err.chinese, limit: (err as XlsxLimitError).limit };
      throw err;
    }
    throw new Error('read without refusal');
  };
  const rssGrowthOf = (run: () => unknown) => {
    const before = process.memoryUsage().rss;
    run();
    return (process.memoryUsage().rss - before) / MiB;
  };

  it('refuses a sheet part inflating to 1 GiB by its declared size without inflating it, and stops one that declares less at that size', () => {
    const honest = workbookOf([blankSheet(sheet1, 1024 * MiB)]);
    let got: ReturnType<typeof refusal> | undefined;
    expect(rssGrowthOf(() => (got = refusal(honest)))).toBeLessThan(50);
    expect(got).toEqual({ reason: 'part_too_large', limit: XLSX_LIMITS.partBytes, chinese: '工作表解压后超过 256 MB 上限' });

    const lying = workbookOf([{ ...blankSheet(sheet1, 1024 * MiB), declaredSize: 20 * MiB }]);
    expect(rssGrowthOf(() => (got = refusal(lying)))).toBeLessThan(150);
    expect(got?.reason).toBe('malformed');
  });

  it('refuses two sheets on one part, and counts every part read against the workbook cap', () => {
    const shared = workbookOf([blankSheet(sheet1, 10 * MiB)], { targets: [sheet1, sheet1] });
    expect(refusal(shared, ['家庭成员']).reason).toBe('shared_part');
    const three = workbookOf([1, 2, 3].map((i) => blankSheet(`xl/worksheets/sheet${i}.xml`, 200 * MiB)));
    expect(refusal(three)).toEqual({ reason: 'workbook_too_large', limit: XLSX_LIMITS.workbookBytes, chinese: '工作簿解压后合计超过 512 MB 上限' });
  });

  it('refuses more rows, columns or cells than the caps', { timeout: 60_000 }, () => {
    const rowUnit = '<row><c><v>1</v></c></row>';
    const rows = workbookOf([repeatedEntry(sheet1, SHEET_HEAD, rowUnit, (XLSX_LIMITS.rowsPerSheet + 50_000) * rowUnit.length, SHEET_TAIL)]);
    expect(refusal(rows)).toEqual({ reason: 'too_many_rows', limit: 500_000, chinese: '工作表超过 500,000 行上限' });
    const column = workbookOf([textEntry(sheet1, `${SHEET_HEAD}<row r="1"><c r="GS1"><v>1</v></c></row>${SHEET_TAIL}`)]);
    expect(refusal(column)).toEqual({ reason: 'too_many_columns', limit: 200, chinese: '工作表超过 200 列上限' });
    const styledFarOut = workbookOf([textEntry(sheet1, `${SHEET_HEAD}<row r="1"><c r="A1"><v>1</v></c><c r="XFD1" s="1"/></row>${SHEET_TAIL}`)]);
    expect(readXlsxSheets(styledFarOut).get('户主信息')).toHaveLength(1);
    const row100 = `<row>${'<c><v>1</v></c>'.repeat(100)}</row>`;
    const cells = workbookOf([repeatedEntry(sheet1, SHEET_HEAD, row100, 61_000 * row100.length, SHEET_TAIL)]);
    expect(refusal(cells)).toEqual({ reason: 'too_many_cells', limit: 6_000_000, chinese: '工作表超过 6,000,000 个单元格上限' });
  });

  it('refuses entity declarations, duplicated parts, NUL characters and a truncated zip, each with its reason', () => {
    const sheet = (body: string) => workbookOf([textEntry(sheet1, `${SHEET_HEAD}${body}${SHEET_TAIL}`)]);
    const doctype = workbookOf([textEntry(sheet1, `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "x">]>${SHEET_HEAD}<row><c t="inlineStr"><is><t>&a;</t></is></c></row>${SHEET_TAIL}`)]);
    expect(refusal(doctype).reason).toBe('entity_declaration');
    const empty = textEntry(sheet1, SHEET_HEAD + SHEET_TAIL);
    expect(refusal(workbookOf([empty, { ...empty, name: sheet1.toUpperCase() }])).reason).toBe('duplicate_part');
    for (const nul of ['&#0;', '&#x0;', '&#000;', '\u0000'])
      expect(refusal(sheet(`<row><c t="inlineStr"><is><t>a${nul}b</t></is></c></row>`)), JSON.stringify(nul)).toMatchObject({ reason: 'nul_character', chinese: '单元格含有空字符（NUL，&#0;），不予接受' });
    const whole = sheet('<row><c><v>1</v></c></row>');
    for (const cut of [whole.length - 10, Math.floor(whole.length / 2), 40]) expect(refusal(whole.subarray(0, cut)).reason, `cut at ${cut}`).toBe('truncated');
    expect(refusal(Buffer.from('户主姓名,身份证号\n')).reason).toBe('not_zip');
  });
});
