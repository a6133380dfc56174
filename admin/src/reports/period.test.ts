import { periodFromView, periodToView, REPORT_VIEW_DEFAULTS, type PeriodChoice } from './period';

describe("the reports page's period, kept in the URL", () => {
  const roundTrip = (period: PeriodChoice) => periodFromView({ ...REPORT_VIEW_DEFAULTS, ...periodToView(period) });

  it('reads back every kind of period it wrote', () => {
    for (const period of [
      { kind: 'preset', preset: 'PREVIOUS_PROGRAM_YEAR' },
      { kind: 'quarter', programYear: 2025, quarter: 3 },
      { kind: 'quarter', programYear: 2024, quarter: null },
      { kind: 'custom', from: '2026-09-01', to: '2026-09-30' },
    ] as PeriodChoice[]) {
      expect(roundTrip(period)).toEqual(period);
    }
  });

  it('clears the values of the other kinds, so that the URL says one period', () => {
    expect(periodToView({ kind: 'preset', preset: 'QUARTER_TO_DATE' })).toEqual({
      period: 'QUARTER_TO_DATE',
      programYear: '',
      quarter: '',
      from: '',
      to: '',
    });
  });

  it('reads an edited URL as the nearest sensible period', () => {
    expect(periodFromView({ ...REPORT_VIEW_DEFAULTS, period: 'NEXT_DECADE' })).toEqual({ kind: 'preset', preset: 'CURRENT_QUARTER' });
    expect(periodFromView({ ...REPORT_VIEW_DEFAULTS, period: 'quarter', programYear: '2025', quarter: '9' })).toEqual({
      kind: 'quarter',
      programYear: 2025,
      quarter: null,
    });
  });
});
