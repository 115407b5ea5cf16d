import { z } from 'zod';

/**
 * The one string schema every text field of a request uses (contracts and route schemas alike).
 *
 * - A lone UTF-16 surrogate (`"\ud800"`, valid in a JSON string, not in Unicode) is refused:
 *   PostgreSQL refuses it in jsonb (a 500) and text columns silently store U+FFFD instead.
 * - C0 and C1 control characters (U+0000–U+001F, U+007F–U+009F: NUL, BEL, ESC …) are refused; a
 *   multi-line field (`multiline: true`: reasons, findings, notes) takes line feed, carriage
 *   return and tab.
 * - Leading and trailing whitespace is trimmed first (`trim: false` for passwords), so a stray
 *   trailing newline in a one-line field is dropped rather than refused.
 *
 * It returns a `z.ZodString`, so `.min()`, `.max()`, `.regex()`, `.optional()` chain as usual:
 * `text().min(1).max(50)`, `text({ multiline: true }).min(1).max(2000)`.
 */
export interface TextOptions {
  /** Allows `\n`, `\r` and `\t` inside the value. */
  multiline?: boolean;
  /** Trims surrounding whitespace before the checks (default true). */
  trim?: boolean;
}

// With the `u` flag a paired surrogate is one code point, so only a lone one matches.
const LONE_SURROGATE = /[\ud800-\udfff]/u;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export const LONE_SURROGATE_MESSAGE = 'must not contain a lone surrogate (not valid Unicode text)';
export const CONTROL_MESSAGE = 'must not contain control characters';
export const CONTROL_BUT_LINES_MESSAGE = 'must not contain control characters other than line breaks and tabs';

/** True when the string holds a UTF-16 surrogate without its pair. */
export const hasLoneSurrogate = (value: string) => LONE_SURROGATE.test(value);

export function text(options: TextOptions = {}): z.ZodString {
  const base = options.trim === false ? z.string() : z.string().trim();
  const control = options.multiline ? CONTROL_BUT_LINES : CONTROL;
  return base
    .refine((v) => !LONE_SURROGATE.test(v), { message: LONE_SURROGATE_MESSAGE, abort: true })
    .refine((v) => !control.test(v), { message: options.multiline ? CONTROL_BUT_LINES_MESSAGE : CONTROL_MESSAGE, abort: true });
}
