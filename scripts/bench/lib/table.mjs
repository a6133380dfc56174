/** Plain-text tables for the terminal and the document (Markdown pipes). */
export function table(headers, rows) {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => String(row[column]).length)));
  const line = (cells) => `| ${cells.map((cell, column) => String(cell).padEnd(widths[column])).join(' | ')} |`;
  return [line(headers), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

export const fixed = (value, digits = 1) =>
  value === undefined || value === null || Number.isNaN(value) ? '-' : Number(value).toFixed(digits);
