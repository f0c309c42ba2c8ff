/**
 * CSV writing (RFC 4180) for exports that a spreadsheet will open. A spreadsheet runs a cell
 * that starts with = + - @ (or a tab or carriage return, which some strip first) as a formula,
 * so such cells are prefixed with an apostrophe: the text is kept, nothing is executed.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/**
 * One cell: text guarded against formula injection, then quoted if it holds a comma, quote,
 * line break or edge space. Finite numbers are written as they are (a negative number is data).
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text: cells joined by commas, rows by CRLF, a final CRLF. */
export function toCsv(rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + (rows.length > 0 ? '\r\n' : '');
}
