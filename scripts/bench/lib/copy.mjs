import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import copyStreams from 'pg-copy-streams';

const CHUNK_CHARS = 1 << 18;

/** A value in COPY's text format: \N for null, and the four characters COPY treats specially escaped. */
export function copyValue(value) {
  if (value === null || value === undefined) return '\\N';
  const text = String(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]) : text;
}

/** A row as one line of COPY text (values already made safe by `copyValue` or known to be plain). */
export const copyLine = (values) => `${values.join('\t')}\n`;

/** Groups lines into large chunks: one write per 256 KiB rather than one per row. */
function* chunked(lines) {
  let chunk = '';
  for (const line of lines) {
    chunk += line;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/**
 * Streams lines into `table (columns)` with COPY FROM STDIN, with back-pressure: the generator is pulled only as
 * fast as PostgreSQL takes the rows. Returns the number of rows COPY reports.
 */
export async function copyInto(client, table, columns, lines) {
  const stream = client.query(copyStreams.from(`copy ${table} (${columns.join(', ')}) from stdin`));
  await pipeline(Readable.from(chunked(lines)), stream);
  return stream.rowCount;
}
