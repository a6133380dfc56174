import { today } from '../../server/src/common/dates';

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
