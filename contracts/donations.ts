import { z } from 'zod';
import { IsoDate, PositiveFen } from './funds.js';
import { codes } from './households.js';
import { text as safeText } from './text.js';

/**
 * Donation drives (募捐活动) and donations (捐款), with numbered receipts (捐赠收据) and a public
 * thank-you list (docs/donations.md). Amounts are integer fen.
 */

const text = (max: number) => safeText().max(max);
const prose = (max: number) => safeText({ multiline: true }).max(max);

export const DriveStatus = codes({
  open: ['进行中', 'Open'],
  closed: ['已结束', 'Closed'],
});

export const DonorKind = codes({
  person: ['个人', 'Person'],
  enterprise: ['企业', 'Enterprise'],
  anonymous: ['匿名', 'Anonymous'],
  platform_match: ['平台配捐', 'Platform matching'],
});
export type DonorKindKey = (typeof DonorKind.keys)[number];

export const DonationChannel = codes({
  cash: ['现金', 'Cash'],
  bank_transfer: ['银行转账', 'Bank transfer'],
  wechat: ['微信支付', 'WeChat Pay'],
  alipay: ['支付宝', 'Alipay'],
  charity_platform: ['网络募捐平台', 'Online charity platform'],
});

export const CreateDonationDriveInput = z
  .strictObject({
    orgId: z.uuid(),
    /** A fund of the same org: what the drive raises goes into it. */
    fundId: z.uuid(),
    name: text(100).min(2),
    description: prose(1000).optional().nullable(),
    goalFen: PositiveFen,
    startsOn: IsoDate,
    endsOn: IsoDate,
  })
  .refine((d) => d.startsOn <= d.endsOn, { path: ['endsOn'], message: 'the drive ends before it starts' });
export type CreateDonationDriveInput = z.infer<typeof CreateDonationDriveInput>;

/** Edits a drive; `status: 'closed'` closes it (no more donations), 'open' opens it again. */
export const UpdateDonationDriveInput = z.strictObject({
  name: text(100).min(2).optional(),
  description: prose(1000).optional().nullable(),
  goalFen: PositiveFen.optional(),
  startsOn: IsoDate.optional(),
  endsOn: IsoDate.optional(),
  status: DriveStatus.schema.optional(),
});
export type UpdateDonationDriveInput = z.infer<typeof UpdateDonationDriveInput>;

/** 15 digits or more in a row: an ID or bank card number, typed or pasted into the wrong column. */
const ID_OR_CARD_NUMBER = /\d{15,}/;
const noIdNumbers = (v: string) => !ID_OR_CARD_NUMBER.test(v.replace(/[\s-]/g, ''));
export const ID_NUMBER_IN_NAME = 'holds an ID or bank card number: donors are listed by name only';
export const DonorName = text(100).min(1).refine(noIdNumbers, ID_NUMBER_IN_NAME);
export const DonorUnit = text(100).refine(noIdNumbers, ID_NUMBER_IN_NAME);

/** One gift. A donor name is needed unless the gift is anonymous (then it is not kept). */
export const RecordDonationInput = z
  .strictObject({
    donorKind: DonorKind.schema,
    donorName: DonorName.optional().nullable(),
    /** The donor's work unit or department (shown on the thank-you list with the masked name). */
    donorUnit: DonorUnit.optional().nullable(),
    channel: DonationChannel.schema,
    amountFen: PositiveFen,
    receivedOn: IsoDate,
    /** False keeps the gift off the public thank-you list (it still counts towards the total). */
    showOnThanks: z.boolean().default(true),
    note: text(200).optional().nullable(),
  })
  .refine((d) => d.donorKind === 'anonymous' || !!d.donorName, { path: ['donorName'], message: 'the donor’s name is required (or choose anonymous)' });
export type RecordDonationInput = z.infer<typeof RecordDonationInput>;

/** The most rows one collective batch (集体捐款仪式) takes: entered in one transaction. */
export const DONATION_BATCH_MAX_ROWS = 2000;

export const DonationBatchRow = z.strictObject({
  donorName: DonorName,
  donorUnit: DonorUnit.optional().nullable(),
  amountFen: PositiveFen,
});
export type DonationBatchRow = z.infer<typeof DonationBatchRow>;

/** A collective donation: staff and amounts, one receipt each, all entered or none. */
export const RecordDonationBatchInput = z.strictObject({
  channel: DonationChannel.schema,
  receivedOn: IsoDate,
  showOnThanks: z.boolean().default(true),
  note: text(200).optional().nullable(),
  rows: z.array(DonationBatchRow).min(1, 'at least one row').max(DONATION_BATCH_MAX_ROWS, `at most ${DONATION_BATCH_MAX_ROWS} rows`),
});
export type RecordDonationBatchInput = z.infer<typeof RecordDonationBatchInput>;

export const RefundDonationInput = z.strictObject({ reason: prose(200).min(2) });

export const DonationListQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  /** Part of a donor's name or unit, or a receipt number. */
  q: text(50).optional(),
});

export const ThanksQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(100),
});

/**
 * Receipt numbers: the org's prefix (its code when the series was opened), the year the gift was
 * received, and the org's running number, six digits at least: `JZ-2021-000123`. The number runs on
 * across years; it never skips or repeats within an org.
 */
export function formatReceiptNo(prefix: string, receivedOn: string, seq: number): string {
  return `${prefix}-${receivedOn.slice(0, 4)}-${String(seq).padStart(6, '0')}`;
}

/** Two-character compound surnames (复姓) kept whole when a name is masked. */
const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '轩辕', '令狐', '端木', '独孤', '南宫', '西门', '百里', '呼延', '澹台', '公冶', '太史', '申屠', '钟离', '闻人', '万俟', '赫连', '淳于', '濮阳', '单于',
]);

/**
 * A person's name as the public thank-you list shows it: the surname, then one * for each character
 * of the given name (张三 → 张*, 张三丰 → 张**, 欧阳娜娜 → 欧阳**). Counts code points, so a rare
 * character outside the BMP is one. A name that is not Chinese keeps its first letter.
 */
export function maskDonorName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return chars.join('');
  const surname = chars.length >= 3 && COMPOUND_SURNAMES.has(chars[0] + chars[1]) ? 2 : 1;
  return chars.slice(0, surname).join('') + '*'.repeat(chars.length - surname);
}

/**
 * What the public list shows for a donor: persons masked, anonymous gifts as 爱心人士 (the web's
 * label), enterprises and platforms by name (they donate as organisations).
 */
export function publicDonorName(kind: string, name: string | null): string | null {
  if (kind === 'anonymous' || !name) return null;
  return kind === 'person' ? maskDonorName(name) : name;
}

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const PLACES = ['', '拾', '佰', '仟'];
const SECTIONS = ['', '万', '亿'];

/** 0 < n < 10000 in capitals, zeros inside collapsed to one 零, trailing zeros dropped. */
function sectionInCapitals(n: number): string {
  let out = '';
  let zero = false;
  for (let place = 3; place >= 0; place--) {
    const digit = Math.floor(n / 10 ** place) % 10;
    if (digit === 0) {
      if (out) zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[digit] + PLACES[place];
  }
  return out;
}

function yuanInCapitals(yuan: number): string {
  const sections: number[] = [];
  for (let n = yuan; n > 0; n = Math.floor(n / 10000)) sections.push(n % 10000);
  let out = '';
  let skipped = false;
  for (let i = sections.length - 1; i >= 0; i--) {
    const section = sections[i];
    if (section === 0) {
      if (out) skipped = true;
      continue;
    }
    // A zero between sections (壹万零伍) is written once, whether a section or a leading place was empty.
    if (out && (skipped || section < 1000)) out += '零';
    skipped = false;
    out += sectionInCapitals(section) + SECTIONS[i];
  }
  return out;
}

/**
 * An amount in Chinese capital numerals (大写金额) as receipts and cheques write it, from integer fen:
 * 559200 → 伍仟伍佰玖拾贰元整, 100050 → 壹仟元伍角, 100005 → 壹仟元零伍分, 1000500 → 壹万零伍元整.
 * Integer arithmetic only; amounts up to 9,999 亿元.
 */
export function fenToChineseCapital(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0 || fen >= 1e14) throw new RangeError(`an amount of fen from 0 to under 1e14, got ${fen}`);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  const head = yuan > 0 ? yuanInCapitals(yuan) + '元' : '';
  if (jiao === 0 && cents === 0) return (head || '零元') + '整';
  let out = head;
  if (jiao > 0) out += DIGITS[jiao] + '角';
  else if (yuan > 0) out += '零';
  if (cents > 0) out += DIGITS[cents] + '分';
  return out;
}

/**
 * 元 as typed into a form (`5592`, `5,592.5`, `￥5592.00`) to integer fen, without floating point;
 * null when it is not an amount with at most two decimals.
 */
export function parseYuanInput(input: string): number | null {
  const s = input.trim().replace(/[,，\s]/g, '').replace(/^[¥￥]/, '').replace(/元$/, '');
  const m = /^(\d{1,10})(?:\.(\d{0,2}))?$/.exec(s);
  if (!m) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : null;
}
