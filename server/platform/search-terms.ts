import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/**
 * Chinese text search by overlapping two-character pieces (docs/decisions/016-chinese-search-bigrams.md).
 * A text is stored with its bigrams (GIN-indexed text[]): "电焊工" → {电焊, 焊工}. A query's bigrams must
 * all be there (`@>`), so "焊工" finds "电焊工" through the index; the exact substring is then checked
 * on the few rows found, so "焊工" does not match a text that merely holds 焊工 split across fields.
 * Latin words and numbers count as one piece each, lower-cased ("CAD", "C1").
 */

const LATIN_OR_DIGITS = /[a-z0-9]+/g;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** The text split into runs of Chinese characters and of Latin letters/digits; punctuation and spaces split. */
function runs(text: string): string[] {
  const out: string[] = [];
  let cjk = '';
  const flush = () => {
    if (cjk) out.push(cjk);
    cjk = '';
  };
  const lower = text.normalize('NFKC').toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const ch = lower[i];
    if (CJK.test(ch)) {
      cjk += ch;
      continue;
    }
    flush();
    LATIN_OR_DIGITS.lastIndex = i;
    const m = LATIN_OR_DIGITS.exec(lower);
    if (m && m.index === i) {
      out.push(m[0]);
      i += m[0].length - 1;
    }
  }
  flush();
  return out;
}

function termsOfRun(run: string): string[] {
  if (!CJK.test(run[0])) return [run];
  if (run.length === 1) return [run];
  const out: string[] = [];
  for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  return out;
}

/** The distinct terms stored for the given texts (title, description, enterprise name …). */
export function searchTermsOf(...texts: Array<string | null | undefined>): string[] {
  const set = new Set<string>();
  for (const text of texts) if (text) for (const run of runs(text)) for (const term of termsOfRun(run)) set.add(term);
  // A single Chinese character of a longer run is found through the bigrams holding it (see matchQuery).
  return [...set];
}

/** A text[] literal of terms, for raw SQL (drizzle binds a JS array as a row, not an array). */
export function termsArray(terms: string[]): SQL {
  return sql`array[${sql.join(terms.map((t) => sql`${t}`), sql`, `)}]::text[]`;
}

/**
 * The condition for a search query on a bigram column and the texts it was built from: every term of the
 * query through the index, then the query's own pieces as substrings of the texts. A one-character
 * Chinese query has no bigram: it is matched by substring alone (a scan of the rows the other filters
 * leave, acceptable for the rare one-character search).
 */
export function matchQuery(q: string, termsColumn: AnyColumn | SQL, texts: Array<AnyColumn | SQL>): SQL | undefined {
  const pieces = runs(q);
  if (!pieces.length) return undefined;
  const terms = pieces.flatMap((r) => (CJK.test(r[0]) && r.length === 1 ? [] : termsOfRun(r)));
  const haystack = sql.join(
    texts.map((t) => sql`coalesce(${t}, '')`),
    sql` || ' ' || `,
  );
  const substrings = pieces.map((p) => sql`strpos(lower(${haystack}), ${p}) > 0`);
  const all = sql.join(substrings, sql` and `);
  if (!terms.length) return sql`(${all})`;
  return sql`(${termsColumn} @> ${termsArray(terms)} and ${all})`;
}
