/**
 * CSV as the product writes it, for spreadsheets: RFC 4180 quoting, and no cell that a
 * spreadsheet would run as a formula. Every CSV the product writes goes through here.
 */

/** A number as a spreadsheet reads it: safe as it is, though it may start with - or +. */
const PLAIN_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
/** What OWASP lists as starting a formula (CSV injection): = + - @, tab and carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell: text a spreadsheet would take for a formula gets a leading apostrophe (shown as
 * text, not run), and any cell holding a quote, separator, line break or edge space is quoted.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return /[",;\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of cells, a header first, as CSV text. */
export function csvText(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null | undefined>>): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n');
}
