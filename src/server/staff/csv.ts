/**
 * CSV exports of the back office (the case list, the audit log), for the spreadsheets the
 * centre reports from. UTF-8 with a byte-order mark so Excel opens Chinese and Uyghur text
 * correctly; a cell that starts like a formula is prefixed with an apostrophe so that opening
 * the file cannot run anything a citizen typed (CSV injection). Exports never hold personal data.
 */
import { stringify } from 'csv-stringify/sync';

const FORMULA_START = /^[=+\-@\t\r]/;

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const safe = rows.map((row) => row.map((cell) => (typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : cell ?? '')));
  return '\uFEFF' + stringify([header as string[], ...safe], { record_delimiter: 'windows' });
}

export function csvResponse(body: string, filename: string): Response {
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
