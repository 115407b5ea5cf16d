import { Education, EnterpriseSize, Experience, Industry, JobCategory, PostingKind } from '../../../../contracts/employment.js';
import type { PublicJobsQuery } from '../../../../contracts/jobs.js';
import en from '../../../../web/shared/locales/employment/jobs.en.js';
import zh from '../../../../web/shared/locales/employment/jobs.zh-CN.js';
import type { presentBoardItem, presentBoardPosting } from './board.presenter.js';

/**
 * The public job board's pages as plain HTML (docs/decisions/017-public-job-board.md): no script, one
 * small inline style sheet, forms that search by GET. Every value from the database or the request
 * goes through `esc`.
 */

export type BoardLang = 'zh-CN' | 'en';
type Strings = typeof zh.board;
type Item = ReturnType<typeof presentBoardItem>;
type Posting = ReturnType<typeof presentBoardPosting>;
type CodeSet = { keys: readonly string[]; labels: Record<string, readonly [string, string]> };

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (value: unknown) => String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);

const strings = (lang: BoardLang): Strings => (lang === 'en' ? en.board : zh.board);
const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{\{(\w+)\}\}/g, (_m, k: string) => String(values[k] ?? ''));
const label = (codes: CodeSet, key: string, lang: BoardLang) => codes.labels[key]?.[lang === 'en' ? 1 : 0] ?? key;
const regionName = (code: string, lang: BoardLang) => (strings(lang).regions as Record<string, string>)[code] ?? code;

const groupThousands = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
/** Whole yuan with separators ("4,000"), or with fen when there are any ("4,000.50"). */
export function yuanText(fen: number): string {
  const yuan = groupThousands(String(Math.floor(fen / 100)));
  return fen % 100 ? `${yuan}.${String(fen % 100).padStart(2, '0')}` : yuan;
}

/** "4,000–6,000 元/月", "5,000 元/月", or 面议 when no salary is given (0). */
export function salaryText(minFen: number, maxFen: number, lang: BoardLang): string {
  if (maxFen === 0) return lang === 'en' ? en.salaryNegotiable : zh.salaryNegotiable;
  const range = minFen === maxFen ? yuanText(maxFen) : `${yuanText(minFen)}–${yuanText(maxFen)}`;
  return fill(lang === 'en' ? en.salaryPerMonth : zh.salaryPerMonth, { range });
}

const dateOf = (iso: string | null) => (iso ? new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10) : '');

/** The salary floors the filter offers, in fen a month. */
export const SALARY_STEPS = [200_000, 300_000, 400_000, 500_000, 600_000, 800_000, 1_000_000];

export interface BoardListView {
  lang: BoardLang;
  query: PublicJobsQuery;
  period: { from: string; to: string; periodChosen: boolean };
  stats: { enterprises: number; positions: number; openings: number };
  items: Item[];
  hasMore: boolean;
}

/** A link to the board with these parameters (empty ones left out), keeping the language. */
export function boardHref(params: Record<string, string | number | undefined>, lang: BoardLang, path = '/jobs'): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') qs.set(k, String(v));
  if (lang === 'en') qs.set('lang', 'en');
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:15px/1.55 -apple-system,"PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;color:#1f2329;background:#f3f5f8}
a{color:#1456c8;text-decoration:none}.wrap{max-width:760px;margin:0 auto;padding:0 12px 24px}
header{background:#b8242c;color:#fff}header .wrap{display:flex;align-items:center;justify-content:space-between;padding:10px 12px}
header a{color:#fff}.brand{font-size:17px;font-weight:600}.brand small{display:block;font-size:12px;font-weight:400;opacity:.85}
.lang{font-size:13px;border:1px solid rgba(255,255,255,.6);border-radius:14px;padding:2px 10px;white-space:nowrap}
.stats{display:grid;grid-template-columns:repeat(3,1fr);gap:8px;margin:12px 0 4px}.stat{background:#fff;border-radius:8px;padding:8px 6px;text-align:center}
.stat b{display:block;font-size:20px;color:#b8242c}.stat span{font-size:12px;color:#646a73}.period{font-size:12px;color:#646a73;margin:2px 0 10px}
.period summary{cursor:pointer}.period form{display:flex;flex-wrap:wrap;gap:6px;align-items:center;margin-top:6px}
form.search{background:#fff;border-radius:8px;padding:10px;margin-bottom:12px}.q{display:flex;gap:6px}
input,select,button{font:inherit;min-height:40px;border:1px solid #d0d3d8;border-radius:6px;padding:6px 8px;background:#fff;color:inherit}
.q input{flex:1;min-width:0}button{background:#b8242c;border-color:#b8242c;color:#fff;padding:6px 16px}
.filters{display:grid;grid-template-columns:1fr 1fr;gap:6px;margin-top:8px}.filters select{width:100%;min-width:0}
.reset{display:inline-block;margin-top:8px;font-size:13px}
ul.jobs{list-style:none;margin:0;padding:0}.job{display:block;background:#fff;border-radius:8px;padding:12px;margin-bottom:8px;color:inherit}
.top{display:flex;justify-content:space-between;gap:8px;align-items:baseline}.job h2,.card h1{margin:0;font-size:17px;color:#1f2329;min-width:0;overflow-wrap:anywhere}.card h1{font-size:20px;line-height:1.4}
.ent,dd{overflow-wrap:anywhere}
.pay{color:#d4380d;font-weight:600;white-space:nowrap}.ent{color:#646a73;font-size:14px;margin:2px 0 6px}
.tags{display:flex;flex-wrap:wrap;gap:4px}.tag{font-size:12px;background:#f0f2f5;border-radius:4px;padding:1px 6px;color:#4e5969}
.tag.k{background:#fff1f0;color:#b8242c}.meta{font-size:12px;color:#8a9099;margin-top:6px}
.pager{display:flex;justify-content:space-between;align-items:center;margin:12px 0}.pager a{background:#fff;border-radius:6px;padding:8px 14px}
.empty,.card{background:#fff;border-radius:8px;padding:16px;margin-bottom:10px}.card h3{margin:0 0 8px;font-size:15px}
.desc{white-space:pre-wrap;word-break:break-word}.pledge{display:inline-block;background:#f6ffed;color:#389e0d;border-radius:4px;padding:2px 8px;font-size:13px;margin-top:6px}
dl{margin:0;display:grid;grid-template-columns:auto 1fr;gap:4px 12px}dt{color:#646a73}dd{margin:0}
.call{display:block;text-align:center;background:#b8242c;color:#fff;border-radius:6px;padding:10px;margin-top:10px;font-size:16px}
.back{display:inline-block;margin:12px 0}footer{font-size:12px;color:#8a9099;text-align:center;padding:16px 12px}.more{display:flex;justify-content:center;gap:20px;margin-bottom:8px;font-size:14px}
`;

function page(lang: BoardLang, title: string, body: string, switchHref: string): string {
  const s = strings(lang);
  // The public pages beside the board open in the board's language.
  const langQuery = lang === 'en' ? '?lang=en' : '';
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="same-origin">
<title>${esc(title)}</title><link rel="icon" href="/favicon.svg"><style>${STYLE}</style></head>
<body><header><div class="wrap"><a class="brand" href="${esc(boardHref({}, lang))}">${esc(s.title)}<small>${esc(s.siteName)}</small></a>
<a class="lang" data-testid="board-language" href="${esc(switchHref)}">${esc(s.language)}</a></div></header>
<main class="wrap">${body}</main><footer><nav class="more"><a href="/policies${langQuery}">${esc(s.navPolicies)}</a><a href="/consult${langQuery}">${esc(s.navConsult)}</a><a href="/faq${langQuery}">${esc(s.navFaq)}</a></nav>${esc(s.footer)}</footer></body></html>`;
}

function options(codes: CodeSet, selected: string | undefined, lang: BoardLang, anyLabel: string, text = (k: string) => label(codes, k, lang)): string {
  return [`<option value="">${esc(anyLabel)}</option>`, ...codes.keys.map((k) => `<option value="${esc(k)}"${k === selected ? ' selected' : ''}>${esc(text(k))}</option>`)].join('');
}

function itemCard(p: Item, lang: BoardLang): string {
  const s = strings(lang);
  const kind = p.kind !== 'regular' ? `<span class="tag k">${esc(label(PostingKind, p.kind, lang))}</span>` : '';
  return `<li><a class="job" data-testid="board-item" data-posting-id="${esc(p.id)}" href="${esc(boardHref({}, lang, `/jobs/${p.id}`))}">
<div class="top"><h2 data-testid="board-item-title">${esc(p.title)}</h2><span class="pay">${esc(salaryText(p.salaryMinFen, p.salaryMaxFen, lang))}</span></div>
<div class="ent">${esc(p.enterpriseName)}</div>
<div class="tags">${kind}<span class="tag">${esc(regionName(p.regionCode, lang))}</span><span class="tag">${esc(label(JobCategory, p.category, lang))}</span><span class="tag">${esc(p.education === 'none' ? s.educationAny : label(Education, p.education, lang))}</span><span class="tag">${esc(p.experience === 'none' ? s.experienceAny : label(Experience, p.experience, lang))}</span><span class="tag">${esc(fill(s.openings, { count: p.openings }))}</span></div>
<div class="meta">${esc(fill(s.published, { date: dateOf(p.publishedAt) }))} · ${esc(fill(s.validUntil, { date: p.validUntil }))}</div></a></li>`;
}

/** The board: the period's figures, the search form with its filters, and one page of postings. */
export function renderBoardList(v: BoardListView): string {
  const { lang, query: q } = v;
  const s = strings(lang);
  const fields = (lang === 'en' ? en : zh).fields;
  const filters = { q: q.q, category: q.category, region: q.region, salaryMin: q.salaryMin, education: q.education, kind: q.kind };
  const period = v.period.periodChosen ? { from: v.period.from, to: v.period.to } : {};
  const regions = { keys: Object.keys(s.regions), labels: Object.fromEntries(Object.entries(s.regions).map(([k, name]) => [k, [name, name] as const])) };
  const salaries = { keys: SALARY_STEPS.map(String), labels: Object.fromEntries(SALARY_STEPS.map((f) => [String(f), [fill(zh.board.salaryAtLeast, { yuan: yuanText(f) }), fill(en.board.salaryAtLeast, { yuan: yuanText(f) })] as const])) };
  const hidden = (values: Record<string, string | undefined>) =>
    Object.entries(values)
      .filter(([, val]) => val)
      .map(([k, val]) => `<input type="hidden" name="${k}" value="${esc(val)}">`)
      .join('');
  const langField = lang === 'en' ? hidden({ lang: 'en' }) : '';
  const stats = `<section aria-label="${esc(fill(s.statsTitle, { from: v.period.from, to: v.period.to }))}">
<div class="stats" data-testid="board-stats"><div class="stat"><b data-testid="board-stats-enterprises">${v.stats.enterprises.toLocaleString('en')}</b><span>${esc(s.statsEnterprises)}</span></div>
<div class="stat"><b data-testid="board-stats-positions">${v.stats.positions.toLocaleString('en')}</b><span>${esc(s.statsPositions)}</span></div>
<div class="stat"><b data-testid="board-stats-openings">${v.stats.openings.toLocaleString('en')}</b><span>${esc(s.statsOpenings)}</span></div></div>
<details class="period"><summary data-testid="board-stats-period">${esc(fill(s.statsTitle, { from: v.period.from, to: v.period.to }))}</summary>
<form method="get" action="/jobs">${hidden({ ...Object.fromEntries(Object.entries(filters).map(([k, val]) => [k, val === undefined ? undefined : String(val)])) })}${langField}
<label>${esc(s.statsFrom)} <input type="date" name="from" value="${esc(v.period.from)}" data-testid="board-stats-from"></label>
<label>${esc(s.statsTo)} <input type="date" name="to" value="${esc(v.period.to)}" data-testid="board-stats-to"></label>
<button type="submit" data-testid="board-stats-apply">${esc(s.statsApply)}</button></form></details></section>`;
  const form = `<form class="search" method="get" action="/jobs" role="search" data-testid="board-search">${hidden(period)}${langField}
<div class="q"><input type="search" name="q" value="${esc(q.q)}" maxlength="30" placeholder="${esc(s.searchPlaceholder)}" aria-label="${esc(s.searchLabel)}" data-testid="board-search-input" enterkeyhint="search">
<button type="submit" data-testid="board-search-submit">${esc(s.search)}</button></div>
<div class="filters" aria-label="${esc(s.filters)}">
<select name="category" aria-label="${esc(fields.category)}" data-testid="board-filter-category">${options(JobCategory, q.category, lang, s.anyCategory)}</select>
<select name="region" aria-label="${esc(fields.region)}" data-testid="board-filter-region">${options(regions, q.region, lang, s.anyRegion)}</select>
<select name="salaryMin" aria-label="${esc(fields.salary)}" data-testid="board-filter-salary">${options(salaries, q.salaryMin === undefined ? undefined : String(q.salaryMin), lang, s.anySalary)}</select>
<select name="education" aria-label="${esc(fields.education)}" data-testid="board-filter-education">${options(Education, q.education, lang, s.anyEducation, (k) => fill(s.myEducation, { label: label(Education, k, lang) }))}</select>
<select name="kind" aria-label="${esc(fields.kind)}" data-testid="board-filter-kind">${options(PostingKind, q.kind, lang, s.anyKind)}</select>
<button type="submit">${esc(s.filters)}</button></div>
${Object.values(filters).some((x) => x !== undefined && x !== '') ? `<a class="reset" data-testid="board-reset" href="${esc(boardHref(period, lang))}">${esc(s.reset)}</a>` : ''}</form>`;
  const list = v.items.length
    ? `<ul class="jobs" data-testid="board-results" aria-label="${esc(s.results)}">${v.items.map((p) => itemCard(p, lang)).join('')}</ul>`
    : `<p class="empty" data-testid="board-empty">${esc(s.empty)}</p>`;
  const here = { ...filters, ...period };
  const prev = q.page > 1 ? `<a data-testid="board-prev" rel="prev" href="${esc(boardHref({ ...here, page: q.page > 2 ? q.page - 1 : undefined }, lang))}">${esc(s.previous)}</a>` : '<span></span>';
  const next = v.hasMore ? `<a data-testid="board-next" rel="next" href="${esc(boardHref({ ...here, page: q.page + 1 }, lang))}">${esc(s.next)}</a>` : '<span></span>';
  const pager = q.page > 1 || v.hasMore ? `<nav class="pager">${prev}<span>${esc(fill(s.page, { page: q.page }))}</span>${next}</nav>` : '';
  const other: BoardLang = lang === 'en' ? 'zh-CN' : 'en';
  return page(lang, `${s.title} · ${s.siteName}`, stats + form + list + pager, boardHref({ ...here, page: q.page > 1 ? q.page : undefined }, other));
}

/** A posting's page: what it pays and asks, its enterprise, and how to apply (the phone as a tel: link). */
export function renderBoardPosting(p: Posting, lang: BoardLang): string {
  const s = strings(lang);
  const other: BoardLang = lang === 'en' ? 'zh-CN' : 'en';
  const kind = p.kind !== 'regular' ? `<span class="tag k">${esc(label(PostingKind, p.kind, lang))}</span>` : '';
  const body = `<a class="back" data-testid="job-back" href="${esc(boardHref({}, lang))}">← ${esc(s.back)}</a>
<article data-testid="job-detail" data-posting-id="${esc(p.id)}">
<div class="card"><div class="top"><h1 data-testid="job-title">${esc(p.title)}</h1></div>
<div class="pay" data-testid="job-salary">${esc(salaryText(p.salaryMinFen, p.salaryMaxFen, lang))}</div>
<div class="tags" style="margin-top:6px">${kind}<span class="tag">${esc(regionName(p.regionCode, lang))}</span><span class="tag">${esc(label(JobCategory, p.category, lang))}</span><span class="tag">${esc(fill(s.openings, { count: p.openings }))}</span></div>
<div class="meta">${esc(fill(s.published, { date: dateOf(p.publishedAt) }))} · ${esc(fill(s.validUntil, { date: p.validUntil }))}</div></div>
<div class="card"><h3>${esc(s.requirements)}</h3><dl><dt>${esc((lang === 'en' ? en : zh).fields.education)}</dt><dd>${esc(label(Education, p.education, lang))}</dd>
<dt>${esc((lang === 'en' ? en : zh).fields.experience)}</dt><dd>${esc(label(Experience, p.experience, lang))}</dd></dl></div>
<div class="card"><h3>${esc(s.description)}</h3><div class="desc" data-testid="job-description">${esc(p.description)}</div></div>
<div class="card" data-testid="job-enterprise"><h3>${esc(s.enterprise)}</h3><div style="font-weight:600">${esc(p.enterprise.name)}</div>
<dl style="margin-top:6px"><dt>${esc(s.industry)}</dt><dd>${esc(label(Industry, p.enterprise.industry, lang))}</dd><dt>${esc(s.size)}</dt><dd>${esc(label(EnterpriseSize, p.enterprise.size, lang))}</dd></dl>
${p.enterprise.priorityPledge ? `<span class="pledge" data-testid="job-pledge">${esc(s.pledge)}</span>` : ''}</div>
<div class="card"><h3>${esc(s.howToApply)}</h3><dl><dt>${esc(s.contact)}</dt><dd>${esc(p.contactName)}</dd><dt>${esc(s.phone)}</dt><dd data-testid="job-contact-phone">${esc(p.contactPhone)}</dd></dl>
<a class="call" href="tel:${esc(p.contactPhone.replace(/[^\d-]/g, ''))}">${esc(s.call)}</a></div></article>`;
  return page(lang, `${p.title} · ${p.enterprise.name}`, body, boardHref({}, other, `/jobs/${p.id}`));
}

export function renderBoardNotFound(lang: BoardLang): string {
  const s = strings(lang);
  return page(lang, s.title, `<a class="back" data-testid="job-back" href="${esc(boardHref({}, lang))}">← ${esc(s.back)}</a><p class="empty" data-testid="job-not-found">${esc(s.notFound)}</p>`, boardHref({}, lang === 'en' ? 'zh-CN' : 'en'));
}
