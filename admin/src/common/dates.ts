/** A local calendar date as the API's `Date` scalar (YYYY-MM-DD). */
export function isoDate(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

export const today = () => isoDate(new Date());

/** `days` after (or before, when negative) a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return isoDate(new Date(year, month - 1, day + days));
}

/**
 * The district's locale: every date and time the console shows is written the one way this locale writes it,
 * whatever the browser's language, so that a page, a toast and a report never disagree.
 */
export const DISTRICT_LOCALE = 'en-US';

const DAY = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' } as const;
const dateFormat = new Intl.DateTimeFormat(DISTRICT_LOCALE, DAY);
const dateTimeFormat = new Intl.DateTimeFormat(DISTRICT_LOCALE, { ...DAY, hour: 'numeric', minute: '2-digit' });
const monthDayFormat = new Intl.DateTimeFormat(DISTRICT_LOCALE, { day: 'numeric', month: 'short' });

const calendarDay = (date: string) => {
  const [year, month, day] = date.slice(0, 10).split('-').map(Number);
  return new Date(year, month - 1, day);
};

/** A calendar date (YYYY-MM-DD) for people: "Mon, Sep 14, 2026"; '' when there is none. */
export function formatDate(date: string | null | undefined): string {
  return date ? dateFormat.format(calendarDay(date)) : '';
}

/** An instant (an ISO date-time) for people, in the browser's time zone: "Mon, Sep 14, 2026, 3:04 PM". */
export function formatDateTime(instant: string | null | undefined): string {
  return instant ? dateTimeFormat.format(new Date(instant)) : '';
}

/** A chart axis's short label for a calendar date, the same month and day as formatDate: "Sep 14". */
export function formatMonthDay(date: string): string {
  return monthDayFormat.format(calendarDay(date));
}

/** A period of calendar dates: "Mon, Sep 14, 2026 to Fri, Sep 18, 2026"; an empty end is open-ended. */
export function formatPeriod(from: string, to: string | null | undefined): string {
  return `${formatDate(from)} to ${to ? formatDate(to) : 'open-ended'}`;
}
