import type { CoverageReport } from './coverage-report.types';
import type { CsvTable } from './csv';

export const COVERAGE_COLUMNS = [
  'section',
  'date',
  'school_id',
  'school',
  'level',
  'locale',
  'enrollment',
  'status',
  'total_fte',
  'enrollment_per_sro_fte',
  'officer_id',
  'officer_first_name',
  'officer_last_name',
  'rank',
  'agency_id',
  'agency',
  'role',
  'fte',
  'start_date',
  'end_date',
  'schools',
  'officers',
  'covered',
  'partial',
  'uncovered',
] as const;

/** Coverage: one summary row, one row per agency, then one row per school and officer (one row for a school without any). */
export function coverageTable(report: CoverageReport): CsvTable {
  const { date, summary } = report;
  const sections = [
    () => [
      {
        section: 'summary',
        date,
        schools: summary.schools,
        enrollment: summary.enrollment,
        officers: summary.officers,
        total_fte: summary.totalFte,
        enrollment_per_sro_fte: summary.enrollmentPerSroFte,
        covered: summary.byStatus.covered,
        partial: summary.byStatus.partial,
        uncovered: summary.byStatus.uncovered,
      },
    ],
    () =>
      summary.byAgency.map((entry) => ({
        section: 'agency',
        date,
        agency_id: entry.agency.id,
        agency: entry.agency.name,
        schools: entry.schoolsServed,
        officers: entry.officers,
        total_fte: entry.fte,
      })),
    () =>
      report.schools.flatMap(({ school, status, officers, totalFte, enrollmentPerSroFte }) => {
        const schoolCells = {
          section: 'school',
          date,
          school_id: school.id,
          school: school.name,
          level: school.level,
          locale: school.locale,
          enrollment: school.enrollment,
          status,
          total_fte: totalFte,
          enrollment_per_sro_fte: enrollmentPerSroFte,
        };
        if (officers.length === 0) return [schoolCells];
        return officers.map((entry) => ({
          ...schoolCells,
          officer_id: entry.officer.id,
          officer_first_name: entry.officer.firstName,
          officer_last_name: entry.officer.lastName,
          rank: entry.officer.rank,
          agency_id: entry.agency.id,
          agency: entry.agency.name,
          role: entry.role,
          fte: entry.fte,
          start_date: entry.startDate,
          end_date: entry.endDate,
        }));
      }),
  ];
  return { columns: COVERAGE_COLUMNS, sections };
}
