// Chinese identifier helpers: resident ID (GB 11643), mainland mobile numbers,
// unified social credit code (GB 32100-2015) and display masks.
// Shared by server and browser: keep it dependency-free and free of Node-only APIs.

/** Full-width ASCII block (U+FF01..U+FF5E) maps to U+0021..U+007E by a fixed offset. */
function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

// \s already covers U+3000, NBSP and U+FEFF; zero-width spaces are not whitespace to JS.
const SPACES = /[\s\u200B-\u200D]/g;

/** Full-width → ASCII, drop all whitespace, uppercase (so a trailing 'x' becomes 'X'). */
export function normalizeIdInput(raw: string): string {
  return toHalfWidth(raw).replace(SPACES, '').toUpperCase();
}

export const REGION_PREFIXES: Record<string, string> = {
  '11': '北京', '12': '天津', '13': '河北', '14': '山西', '15': '内蒙古',
  '21': '辽宁', '22': '吉林', '23': '黑龙江',
  '31': '上海', '32': '江苏', '33': '浙江', '34': '安徽', '35': '福建', '36': '江西', '37': '山东',
  '41': '河南', '42': '湖北', '43': '湖南', '44': '广东', '45': '广西', '46': '海南',
  '50': '重庆', '51': '四川', '52': '贵州', '53': '云南', '54': '西藏',
  '61': '陕西', '62': '甘肃', '63': '青海', '64': '宁夏', '65': '新疆',
  '71': '台湾', '81': '香港', '82': '澳门',
};

export const JIAOZUO_COUNTIES: Record<string, string> = {
  '410800': '焦作市',
  '410802': '解放区',
  '410803': '中站区',
  '410804': '马村区',
  '410811': '山阳区',
  '410821': '修武县',
  '410822': '博爱县',
  '410823': '武陟县',
  '410825': '温县',
  '410882': '沁阳市',
  '410883': '孟州市',
};

// ---------------------------------------------------------------- resident ID

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

/** ISO 7064 MOD 11-2 check character for the first 17 digits of a resident ID. */
export function idCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('idCheckChar: expected 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK_CHARS[sum % 11];
}

export type IdProblem = 'length' | 'format' | 'region' | 'birth_date' | 'check_digit';

export type CnIdResult =
  | { ok: true; value: string; birthDate: string; sex: 'M' | 'F'; regionCode: string }
  | { ok: false; problem: IdProblem };

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Local calendar date as YYYYMMDD, so comparisons are plain string comparisons. */
function ymd(d: Date): string {
  return `${pad(d.getFullYear(), 4)}${pad(d.getMonth() + 1, 2)}${pad(d.getDate(), 2)}`;
}

function isRealDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (m < 1 || m > 12 || d < 1) return false;
  // Day 0 of the next month is the last day of this month; UTC avoids DST edge cases.
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= daysInMonth;
}

export function validateCnId(raw: string, opts: { today?: Date } = {}): CnIdResult {
  const value = normalizeIdInput(raw);
  if (value.length !== 18) return { ok: false, problem: 'length' };
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, problem: 'format' };
  if (!(value.slice(0, 2) in REGION_PREFIXES)) return { ok: false, problem: 'region' };

  const birth = value.slice(6, 14);
  const today = ymd(opts.today ?? new Date());
  if (!isRealDate(birth) || birth < '19000101' || birth > today) {
    return { ok: false, problem: 'birth_date' };
  }
  if (idCheckChar(value.slice(0, 17)) !== value[17]) return { ok: false, problem: 'check_digit' };

  return {
    ok: true,
    value,
    birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
    sex: Number(value[16]) % 2 === 1 ? 'M' : 'F',
    regionCode: value.slice(0, 6),
  };
}

export function isValidCnId(raw: string): boolean {
  return validateCnId(raw).ok;
}

/** Builds a valid-checksum ID. Does not validate the date, so tests can build bad-date IDs. */
export function makeCnId(regionCode6: string, birthDate: string, seq3: string): string {
  const first17 = `${regionCode6}${birthDate}${seq3}`;
  if (!/^\d{6}$/.test(regionCode6) || !/^\d{8}$/.test(birthDate) || !/^\d{3}$/.test(seq3)) {
    throw new Error('makeCnId: expected 6-digit region, YYYYMMDD date and 3-digit sequence');
  }
  return first17 + idCheckChar(first17);
}

// ---------------------------------------------------------------- mobile

export function normalizeMobile(raw: string): string {
  const s = toHalfWidth(raw).replace(SPACES, '').replace(/[-\u2010-\u2015]/g, '');
  // Strip the country code only when exactly 11 characters remain: keeps this idempotent.
  for (const prefix of ['+86', '0086', '86']) {
    if (s.startsWith(prefix) && s.length === prefix.length + 11) return s.slice(prefix.length);
  }
  return s;
}

export function validateCnMobile(raw: string): { ok: true; value: string } | { ok: false; problem: 'format' } {
  const value = normalizeMobile(raw);
  return /^1[3-9]\d{9}$/.test(value) ? { ok: true, value } : { ok: false, problem: 'format' };
}

// ---------------------------------------------------------------- unified social credit code

// GB 32100-2015 alphabet: digits plus uppercase letters without I, O, Z, S, V.
const USC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const USC_FORMAT = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

export function uscCheckChar(first17: string): string {
  if (first17.length !== 17) throw new Error('uscCheckChar: expected 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USC_ALPHABET.indexOf(first17[i]);
    if (v < 0) throw new Error(`uscCheckChar: invalid character ${JSON.stringify(first17[i])}`);
    sum += v * USC_WEIGHTS[i];
  }
  return USC_ALPHABET[(31 - (sum % 31)) % 31];
}

export function validateUscc(
  raw: string,
): { ok: true; value: string } | { ok: false; problem: 'length' | 'format' | 'check_digit' } {
  const value = normalizeIdInput(raw);
  if (value.length !== 18) return { ok: false, problem: 'length' };
  if (!USC_FORMAT.test(value)) return { ok: false, problem: 'format' };
  if (uscCheckChar(value.slice(0, 17)) !== value[17]) return { ok: false, problem: 'check_digit' };
  return { ok: true, value };
}

export function makeUscc(first17: string): string {
  return first17 + uscCheckChar(first17);
}

// ---------------------------------------------------------------- masks

function stars(n: number): string {
  return '*'.repeat(Math.max(0, n));
}

/** 410105********1234. Middle run is length-10 so legacy 15-digit IDs keep their length. */
export function maskCnId(value: string): string {
  if (value.length < 10) return stars(value.length);
  return value.slice(0, 6) + stars(value.length - 10) + value.slice(-4);
}

/** 138****5678. */
export function maskMobile(value: string): string {
  if (value.length < 8) return stars(value.length);
  return value.slice(0, 3) + stars(value.length - 7) + value.slice(-4);
}

/** 6222****1234. Fixed 4 stars so the mask does not reveal the card length. */
export function maskBankCard(value: string): string {
  const v = value.replace(SPACES, '');
  if (v.length < 9) return stars(v.length);
  return v.slice(0, 4) + '****' + v.slice(-4);
}

/** 张**. Iterates code points so rare CJK characters outside the BMP count as one. */
export function maskName(value: string): string {
  const chars = Array.from(value);
  if (chars.length <= 1) return value;
  return chars[0] + stars(chars.length - 1);
}
