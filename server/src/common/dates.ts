/** Calendar dates are `YYYY-MM-DD` strings throughout; these helpers keep them that way. */
import { badInput } from './errors';

export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The last calendar date written with four digits: every date the API reads or computes is on or before it. */
export const LAST_DATE = '9999-12-31';

/** A real day from 0001-01-01 to 9999-12-31, written YYYY-MM-DD: the one range of every Date argument and parameter. */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number);
  // setUTCFullYear, not Date.UTC, which reads the years 0-99 as 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

// Building an Intl.DateTimeFormat costs about as much as a small query: one per time zone, kept, with the last date
// it gave and the minute it gave it in (every time zone's midnight falls on a whole minute).
const formats = new Map<string, { format: Intl.DateTimeFormat; minute: number; date: string }>();

/** Today's calendar date in the given IANA time zone. */
export function today(timeZone: string, now: Date = new Date()): string {
  const minute = Math.floor(now.getTime() / 60_000);
  let zone = formats.get(timeZone);
  if (!zone) {
    // en-CA formats as YYYY-MM-DD.
    const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(timeZone, (zone = { format, minute: Number.NaN, date: '' }));
  }
  if (zone.minute !== minute) Object.assign(zone, { minute, date: zone.format.format(now) });
  return zone.date;
}

/**
 * A computed date as `YYYY-MM-DD`. Past 9999-12-31 (or before year 1) there is no such text: JavaScript writes
 * `+010000-01-01`, which compares wrongly and which PostgreSQL refuses, so the input that asked for it is refused.
 */
function calendarDate(value: Date, computed: () => string): string {
  const year = value.getUTCFullYear();
  if (year < 1 || year > 9999) {
    throw badInput(`${computed()} falls outside the calendar dates 0001-01-01 to ${LAST_DATE}`);
  }
  return value.toISOString().slice(0, 10);
}

const count = (amount: number, unit: string) => `${amount} ${unit}${amount === 1 ? '' : 's'}`;

export function addDays(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return calendarDate(value, () => `${date} ${days < 0 ? '-' : '+'} ${count(Math.abs(days), 'day')}`);
}

/** The same day `months` later, or the last day of that month when it is shorter (Jan 31 + 1 month = Feb 28/29). */
function monthsLater(date: string, months: number): Date {
  const [year, month, day] = date.split('-').map(Number);
  const target = new Date(0);
  target.setUTCFullYear(year, month - 1 + months, 1);
  const lastDay = new Date(target.getTime());
  lastDay.setUTCMonth(target.getUTCMonth() + 1, 0);
  target.setUTCDate(Math.min(day, lastDay.getUTCDate()));
  return target;
}

export function addMonths(date: string, months: number): string {
  return calendarDate(monthsLater(date, months), () => `${date} ${months < 0 ? '-' : '+'} ${count(Math.abs(months), 'month')}`);
}

/** True when `to` is before the same day `months` after `from`, even where that day lies past 9999-12-31. */
export function isWithinMonths(from: string, to: string, months: number): boolean {
  return Date.parse(`${to}T00:00:00Z`) < monthsLater(from, months).getTime();
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
