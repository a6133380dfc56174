import type { Writable } from 'node:stream';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Response } from 'express';

export type Cell = string | number | boolean | null | undefined;

// A spreadsheet reads a text cell starting with one of these as a formula (OWASP, "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One RFC 4180 field. Text that a spreadsheet would run as a formula gets a leading single quote; numbers are
 * written as they are, so a negative change stays a number; booleans as true or false; null as an empty field.
 */
export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: readonly Cell[]) => `${cells.map(csvField).join(',')}\r\n`;

// Lines are sent in chunks of about this size rather than one write per line.
const CHUNK = 16 * 1024;

/** Writes a CSV file to a response (a byte order mark, then lines), waiting whenever the client reads slower than we write (backpressure). */
export class CsvWriter {
  // UTF-8's byte order mark first: without it Excel reads the file as the local code page and garbles accented names.
  private pending = '\uFEFF';

  constructor(private readonly out: Writable) {}

  async line(cells: readonly Cell[]): Promise<void> {
    this.pending += csvLine(cells);
    if (this.pending.length >= CHUNK) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.pending) return;
    if (this.out.destroyed) throw new Error('the client closed the connection');
    const chunk = this.pending;
    this.pending = '';
    if (!this.out.write(chunk)) await drained(this.out);
  }
}

/** Starts a successful download (200, a CSV attachment named `fileName`, never cached) and returns its writer. */
export function csvDownload(response: Response, fileName: string): CsvWriter {
  response.status(200);
  response.setHeader('Content-Type', 'text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('X-Content-Type-Options', 'nosniff');
  return new CsvWriter(response);
}

function drained(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      out.off('drain', onDrain);
      out.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new Error('the client closed the connection'));
    out.once('drain', onDrain);
    out.once('close', onClose);
  });
}

export type CsvRow = Record<string, Cell>;

/**
 * A CSV table: its header, and its rows section by section. The exporter computes one section, writes it out,
 * then computes the next, so that only one section is ever held in memory.
 */
export interface CsvTable {
  columns: readonly string[];
  sections: (() => Promise<CsvRow[]> | CsvRow[])[];
}

/** Cells in header order; a key that is not a column is a bug, caught by the tests. */
export function cells(columns: readonly string[], row: Record<string, Cell>): Cell[] {
  return columns.map((column) => row[column]);
}

/** A report's CSV parts by name: each one table with one header, built from the same report object as the whole file. */
export type CsvParts<Report> = Record<string, (report: Report, em: EntityManager) => CsvTable>;

/**
 * Whether a report row's figures were withheld (small-cell suppression for agency chiefs): read off the row itself,
 * so that every part writes what the GraphQL answer says; false for rows that carry no such flag.
 */
export const suppressed = (row: object): boolean => (row as { suppressed?: boolean | null }).suppressed === true;
