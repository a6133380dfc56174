/** How the reports page names a period; turned into the activity report's arguments (and CSV parameters). */
export type PeriodChoice =
  | { kind: 'preset'; preset: string }
  | { kind: 'quarter'; programYear: number; quarter: number | null }
  | { kind: 'custom'; from: string; to: string };

export const PRESETS = [
  { id: 'CURRENT_QUARTER', name: 'This quarter' },
  { id: 'PREVIOUS_QUARTER', name: 'Last quarter' },
  { id: 'QUARTER_TO_DATE', name: 'Quarter to date' },
  { id: 'CURRENT_PROGRAM_YEAR', name: 'This program year' },
  { id: 'PREVIOUS_PROGRAM_YEAR', name: 'Last program year' },
  { id: 'PROGRAM_YEAR_TO_DATE', name: 'Program year to date' },
];

export function periodArguments(period: PeriodChoice): Record<string, string | number> {
  switch (period.kind) {
    case 'preset':
      return { preset: period.preset };
    case 'quarter':
      return period.quarter ? { programYear: period.programYear, quarter: period.quarter } : { programYear: period.programYear };
    case 'custom':
      return period.from && period.to ? { from: period.from, to: period.to } : { preset: 'CURRENT_QUARTER' };
  }
}

/** "2026-27" for the program year that starts in 2026. */
export const programYearName = (year: number) => `${year}-${String((year + 1) % 100).padStart(2, '0')}`;

/** The program years a user is likely to ask about: the current one (by calendar year) and the three before. */
export function recentProgramYears(today = new Date()): number[] {
  const year = today.getFullYear();
  return [year, year - 1, year - 2, year - 3];
}

/** The reports page's view as it is kept in the URL: each value a string, left out of the URL when it is the default. */
export const REPORT_VIEW_DEFAULTS = {
  period: 'CURRENT_QUARTER',
  programYear: '',
  quarter: '',
  from: '',
  to: '',
  interval: 'WEEK',
  compareTo: 'PREVIOUS_PERIOD',
  agencyId: '',
  schoolId: '',
  category: '',
  topic: '',
  level: '',
  locale: '',
};
export type ReportView = typeof REPORT_VIEW_DEFAULTS;
type PeriodView = Pick<ReportView, 'period' | 'programYear' | 'quarter' | 'from' | 'to'>;

/** The period a URL names; an unknown preset is the default one, a year that is not a number the last year. */
export function periodFromView(view: PeriodView): PeriodChoice {
  if (view.period === 'quarter') {
    const year = Number(view.programYear);
    const quarter = Number(view.quarter);
    return {
      kind: 'quarter',
      programYear: Number.isInteger(year) && year > 0 ? year : recentProgramYears()[1],
      quarter: [1, 2, 3, 4].includes(quarter) ? quarter : null,
    };
  }
  if (view.period === 'custom') return { kind: 'custom', from: view.from, to: view.to };
  return { kind: 'preset', preset: PRESETS.some((preset) => preset.id === view.period) ? view.period : REPORT_VIEW_DEFAULTS.period };
}

/** A period as the URL's values; values of other kinds are cleared. */
export function periodToView(period: PeriodChoice): PeriodView {
  const cleared = { programYear: '', quarter: '', from: '', to: '' };
  switch (period.kind) {
    case 'preset':
      return { ...cleared, period: period.preset };
    case 'quarter':
      return {
        ...cleared,
        period: 'quarter',
        programYear: String(period.programYear),
        quarter: period.quarter ? String(period.quarter) : '',
      };
    case 'custom':
      return { ...cleared, period: 'custom', from: period.from, to: period.to };
  }
}
