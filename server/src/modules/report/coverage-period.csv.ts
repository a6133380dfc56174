import type { CoveragePeriodReport } from './coverage-period.types';
import type { CsvTable } from './csv';

export const COVERAGE_PERIOD_COLUMNS = [
  'section',
  'from',
  'to',
  'school_id',
  'school',
  'instructional_days',
  'covered',
  'partial',
  'uncovered',
  'share_covered',
  'longest_uncovered_run',
  'agency_id',
  'agency',
  'officer_days_present',
  'officer_days_absent',
  'reason',
  'days',
  'date',
] as const;

/**
 * Coverage over a period: one row per school, one per agency (its absences in total), one per agency and absence
 * reason (section `absent`), then one per coming uncovered school-day (section `gap`).
 */
export function coveragePeriodTable(report: CoveragePeriodReport): CsvTable {
  const { from, to } = report;
  return {
    columns: COVERAGE_PERIOD_COLUMNS,
    sections: [
      () =>
        report.schools.map((entry) => ({
          section: 'school',
          from,
          to,
          school_id: entry.school.id,
          school: entry.school.name,
          instructional_days: entry.instructionalDays,
          covered: entry.covered,
          partial: entry.partial,
          uncovered: entry.uncovered,
          share_covered: entry.shareCovered,
          longest_uncovered_run: entry.longestUncoveredRun,
        })),
      () =>
        report.agencies.flatMap((entry) => [
          {
            section: 'agency',
            from,
            to,
            agency_id: entry.agency.id,
            agency: entry.agency.name,
            officer_days_present: entry.officerDaysPresent,
            officer_days_absent: entry.officerDaysAbsent,
          },
          ...entry.absentByReason.map((absent) => ({
            section: 'absent',
            from,
            to,
            agency_id: entry.agency.id,
            agency: entry.agency.name,
            reason: absent.reason,
            days: absent.days,
          })),
        ]),
      () => report.gaps.map((gap) => ({ section: 'gap', from, to, date: gap.date, school_id: gap.school.id, school: gap.school.name })),
    ],
  };
}
