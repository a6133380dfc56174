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
