/**
 * Bidirectional-text helpers. In right-to-left Uyghur text, digits and Latin runs reorder
 * with their neighbours: `2024-05-09` shows as `09-05-2024`, `0991-2391234` as
 * `2391234-0991` (STANDARDS.md §7). Every date, phone number, document number, URL, e-mail
 * and code is therefore isolated as a left-to-right run: with `<bdi dir="ltr">` in markup and
 * with the Unicode isolates below in plain-text places (`<title>`, attributes, feeds).
 */

/** LEFT-TO-RIGHT ISOLATE and POP DIRECTIONAL ISOLATE. */
export const LRI = '\u2066';
export const PDI = '\u2069';

// A run starts with a strongly left-to-right character (Latin, Han), a digit or a bracket
// of a Chinese document number; it may contain the punctuation that joins the parts of
// dates, phone numbers, document numbers, URLs and e-mails, and may end with a URL's
// trailing slash or a percent sign, which would otherwise jump to the other side.
const edge = String.raw`\p{Script=Latin}\p{Script=Han}0-9０-９〔〕（）【】`;
const inner = String.raw`${edge}\-–—/.:@_+#%&=?~,，、·()\[\] `;
const end = String.raw`${edge}/%`;
const ltrRunPattern = new RegExp(`[${edge}](?:[${inner}]*[${end}])?`, 'gu');
const hanPattern = /\p{Script=Han}/u;

export interface TextRun {
  text: string;
  /** True for a left-to-right run that must be isolated inside right-to-left text. */
  ltr: boolean;
  /** True when the run contains Chinese characters, so it should be tagged lang="zh-CN". */
  han: boolean;
}

/** Splits text into right-to-left (or neutral) runs and left-to-right runs. */
export function splitLtrRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let last = 0;
  for (const match of text.matchAll(ltrRunPattern)) {
    const start = match.index;
    if (start > last) runs.push({ text: text.slice(last, start), ltr: false, han: false });
    runs.push({ text: match[0], ltr: true, han: hanPattern.test(match[0]) });
    last = start + match[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last), ltr: false, han: false });
  return runs;
}

/** Wraps a whole value in a left-to-right isolate (for plain-text places). */
export function isolateLtr(value: string | number): string {
  return `${LRI}${value}${PDI}`;
}

/**
 * Isolates every left-to-right run inside a plain-text string when it is shown in a
 * right-to-left context; left unchanged otherwise. Idempotent: isolated runs stay as they are.
 */
export function isolateLtrRuns(text: string, dir: 'ltr' | 'rtl'): string {
  if (dir === 'ltr' || !text) return text;
  const plain = stripIsolates(text);
  return splitLtrRuns(plain)
    .map((run) => (run.ltr ? isolateLtr(run.text) : run.text))
    .join('');
}

/** Removes directional isolate characters, e.g. before comparing or searching. */
export function stripIsolates(text: string): string {
  return text.replace(/[\u2066-\u2069]/g, '');
}
