import { DISTRICT_LOCALE, formatDate, formatDateTime, formatMonthDay, formatPeriod } from './dates';

describe("dates, written the district's one way", () => {
  it('writes a calendar date with its weekday, whatever the browser language', () => {
    expect(DISTRICT_LOCALE).toBe('en-US');
    expect(formatDate('2027-06-04')).toBe('Fri, Jun 4, 2027');
    expect(formatDate(null)).toBe('');
    expect(formatMonthDay('2027-06-04')).toBe('Jun 4');
  });

  it('writes an instant as the same date with its time, in the local time zone', () => {
    const instant = new Date(2027, 5, 4, 15, 4).toISOString();
    expect(formatDateTime(instant)).toMatch(/^Fri, Jun 4, 2027, 3:04\sPM$/);
  });

  it('writes a period, open-ended when it has no end', () => {
    expect(formatPeriod('2026-09-14', null)).toBe('Mon, Sep 14, 2026 to open-ended');
    expect(formatPeriod('2026-09-14', '2026-09-18')).toBe('Mon, Sep 14, 2026 to Fri, Sep 18, 2026');
  });
});
