import { addDays, addMonths, isCalendarDate, isWithinMonths, today } from '../../server/src/common/dates';

describe('today', () => {
  it("gives the zone's calendar date, turning at its midnight, also when asked again within the minute", () => {
    const at = (iso: string, zone: string) => today(zone, new Date(iso));
    expect(at('2026-03-01T04:59:59Z', 'America/New_York')).toBe('2026-02-28');
    expect(at('2026-03-01T04:59:30Z', 'America/New_York')).toBe('2026-02-28');
    expect(at('2026-03-01T05:00:00Z', 'America/New_York')).toBe('2026-03-01');
    expect(at('2026-03-01T05:00:59Z', 'America/New_York')).toBe('2026-03-01');
    // A zone 45 minutes off the hour, and back to an earlier moment.
    expect(at('2026-02-28T18:14:59Z', 'Asia/Kathmandu')).toBe('2026-02-28');
    expect(at('2026-02-28T18:15:00Z', 'Asia/Kathmandu')).toBe('2026-03-01');
    expect(at('2026-02-28T18:14:00Z', 'Asia/Kathmandu')).toBe('2026-02-28');
    expect(at('2026-03-01T05:00:00Z', 'America/Chicago')).toBe('2026-02-28');
  });
});

describe('date arithmetic at the ends of the calendar', () => {
  it('reads real days from 0001-01-01 to 9999-12-31 as dates, and nothing else', () => {
    for (const date of ['0001-01-01', '0096-02-29', '2024-02-29', '9999-12-31']) expect(isCalendarDate(date)).toBe(true);
    for (const date of ['0000-12-31', '0099-02-29', '2026-02-30', '2026-13-01', '10000-01-01', '+010000-01-01'])
      expect(isCalendarDate(date)).toBe(false);
  });

  it('adds days and months up to 9999-12-31, the last day of the Date scalar', () => {
    expect(addDays('9999-12-01', 30)).toBe('9999-12-31');
    expect(addMonths('9999-10-31', 2)).toBe('9999-12-31');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('0100-03-31', -1)).toBe('0100-02-28');
  });

  it('refuses, as bad input, a date past 9999-12-31 or before year 1 (JavaScript would write +010000-01-01)', () => {
    expect(() => addDays('9999-12-02', 30)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    );
    expect(() => addDays('9999-12-31', 1)).toThrow('9999-12-31 + 1 day falls outside the calendar dates 0001-01-01 to 9999-12-31');
    expect(() => addMonths('9999-12-31', 1)).toThrow(/outside the calendar dates/);
    expect(() => addDays('0001-01-01', -1)).toThrow(/outside the calendar dates/);
  });

  it('compares a period with a length in months even where its limit lies past 9999-12-31', () => {
    expect(isWithinMonths('9997-01-01', '9997-01-31', 36)).toBe(true);
    expect(isWithinMonths('9997-01-01', '9999-12-31', 36)).toBe(true);
    expect(isWithinMonths('2026-01-01', '2028-12-31', 36)).toBe(true);
    expect(isWithinMonths('2026-01-01', '2029-01-01', 36)).toBe(false);
  });
});
