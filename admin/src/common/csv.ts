export interface CsvColumn<RecordType> {
  header: string;
  value: (record: RecordType) => unknown;
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  // Quote when needed; a leading = + - @ is neutralised so that spreadsheets do not run it as a formula.
  const safe = /^[=+\-@]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV text with a header line, one line per record. */
export function toCsv<RecordType>(records: RecordType[], columns: CsvColumn<RecordType>[]): string {
  const lines = [columns.map((column) => cell(column.header)).join(',')];
  for (const record of records) lines.push(columns.map((column) => cell(column.value(record))).join(','));
  return lines.join('\r\n');
}
