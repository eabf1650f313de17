/** Rows as aligned columns under a header, for the CLI's table output. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((_, i) => Math.max(header[i]!.length, ...rows.map((r) => (r[i] ?? '').length)));
  return [header, ...rows].map((row) => row.map((cell, i) => (cell ?? '').padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}
