/**
 * CSV for Danish Excel, the one way every CSV the app writes is made: semicolon as separator,
 * CRLF line ends, UTF-8 with a byte-order mark (so æ, ø, å come out right), and free text that a
 * spreadsheet would take for a formula (=, +, -, @, tab, carriage return first) made inert with a
 * leading apostrophe, so Excel shows it as text and never runs it.
 */
export const CSV_BOM = '\uFEFF';
export const CSV_SEP = ';';
export const CSV_EOL = '\r\n';

/** Free text that a spreadsheet would take for a formula, made inert. */
export function inertText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A cell as CSV: quoted when it holds the separator, a quote, a line break or edge spaces. */
export function csvCell(value: string | number): string {
  const text = String(value);
  if (/[;"\r\n]/.test(text) || /^\s|\s$/.test(text)) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

/**
 * A line of cells. Strings are free text: made inert, then quoted as needed. Numbers (counts,
 * ids) are written as they are; null and undefined as empty cells.
 */
export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return cells.map((c) => (c === null || c === undefined ? '' : typeof c === 'number' ? csvCell(c) : csvCell(inertText(c)))).join(CSV_SEP);
}

/** A whole CSV file: BOM, the lines joined with CRLF, a final CRLF. */
export function csvFile(lines: readonly string[]): string {
  return CSV_BOM + lines.join(CSV_EOL) + CSV_EOL;
}
