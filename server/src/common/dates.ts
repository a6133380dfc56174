/** Calendar dates are `YYYY-MM-DD` strings throughout; these helpers keep them that way. */

export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
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

export function addDays(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
