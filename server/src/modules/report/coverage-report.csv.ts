import { CoverageStatus } from '../assignment/coverage';
import type { CoverageReport, SchoolCoverage } from './coverage-report.types';
import type { CsvParts, CsvRow, CsvTable } from './csv';

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
  'no_school',
  'substitute_for_officer_id',
  'substituted_by_officer_id',
] as const;

/** An officer's assignment at a school: the cells the whole file and the `officers` part share. */
const assignmentCells = (entry: SchoolCoverage['officers'][number]) => ({
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
});

/** Who stands in for whom: on a serving officer's row, the absent officer; on an absent officer's row, its substitute. */
const substitutionCells = (entry: SchoolCoverage['officers'][number]) => ({
  substitute_for_officer_id: entry.substituteFor?.id ?? null,
  substituted_by_officer_id: entry.substitutedBy?.id ?? null,
});

/**
 * Coverage: one summary row, one row per agency, then one row per school and serving officer (one row for a school
 * without any), then one row per school and absent assigned officer (section `absent`).
 */
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
        no_school: summary.byStatus.noSchool,
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
        return officers.map((entry) => ({ ...schoolCells, ...assignmentCells(entry), ...substitutionCells(entry) }));
      }),
    () =>
      report.schools.flatMap(({ school, status, absent }) =>
        absent.map((entry) => ({
          section: 'absent',
          date,
          school_id: school.id,
          school: school.name,
          level: school.level,
          locale: school.locale,
          enrollment: school.enrollment,
          status,
          ...assignmentCells(entry),
          ...substitutionCells(entry),
        })),
      ),
  ];
  return { columns: COVERAGE_COLUMNS, sections };
}

const SCHOOL_COLUMNS = ['school_id', 'school', 'nces_id', 'level', 'locale', 'enrollment', 'status', 'total_fte', 'enrollment_per_sro_fte'];

/** An officer's assignment at a school: the columns of the officers and absent parts. */
const ASSIGNMENT_COLUMNS = [
  'assignment_id',
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
];

const schoolCells = ({ school, status, totalFte, enrollmentPerSroFte }: SchoolCoverage) => ({
  school_id: school.id,
  school: school.name,
  nces_id: school.ncesId,
  level: school.level,
  locale: school.locale,
  enrollment: school.enrollment,
  status,
  total_fte: totalFte,
  enrollment_per_sro_fte: enrollmentPerSroFte,
});

const table = (columns: readonly string[], rows: () => CsvRow[]): CsvTable => ({ columns: ['date', ...columns], sections: [rows] });

/** The parts of the coverage CSV (`?part=`), named after the report's GraphQL fields; docs/reports.md lists their columns. */
export const COVERAGE_PARTS: CsvParts<CoverageReport> = {
  summary: ({ date, summary }) =>
    table(
      ['schools', 'enrollment', 'officers', 'total_fte', 'enrollment_per_sro_fte', 'covered', 'partial', 'uncovered', 'no_school'],
      () => [
        {
          date,
          schools: summary.schools,
          enrollment: summary.enrollment,
          officers: summary.officers,
          total_fte: summary.totalFte,
          enrollment_per_sro_fte: summary.enrollmentPerSroFte,
          covered: summary.byStatus.covered,
          partial: summary.byStatus.partial,
          uncovered: summary.byStatus.uncovered,
          no_school: summary.byStatus.noSchool,
        },
      ],
    ),
  byStatus: ({ date, summary }) =>
    table(['status', 'schools'], () => [
      { date, status: CoverageStatus.COVERED, schools: summary.byStatus.covered },
      { date, status: CoverageStatus.PARTIAL, schools: summary.byStatus.partial },
      { date, status: CoverageStatus.UNCOVERED, schools: summary.byStatus.uncovered },
      { date, status: CoverageStatus.NO_SCHOOL, schools: summary.byStatus.noSchool },
    ]),
  byAgency: ({ date, summary }) =>
    table(['agency_id', 'agency', 'schools_served', 'officers', 'fte'], () =>
      summary.byAgency.map((entry) => ({
        date,
        agency_id: entry.agency.id,
        agency: entry.agency.name,
        schools_served: entry.schoolsServed,
        officers: entry.officers,
        fte: entry.fte,
      })),
    ),
  schools: ({ date, schools }) => table(SCHOOL_COLUMNS, () => schools.map((entry) => ({ date, ...schoolCells(entry) }))),
  officers: ({ date, schools }) =>
    table([...SCHOOL_COLUMNS, ...ASSIGNMENT_COLUMNS, 'substitute_for_officer_id'], () =>
      schools.flatMap((school) =>
        school.officers.map((entry) => ({
          date,
          ...schoolCells(school),
          assignment_id: entry.assignmentId,
          ...assignmentCells(entry),
          substitute_for_officer_id: entry.substituteFor?.id ?? null,
        })),
      ),
    ),
  absent: ({ date, schools }) =>
    table([...SCHOOL_COLUMNS, ...ASSIGNMENT_COLUMNS, 'substituted_by_officer_id'], () =>
      schools.flatMap((school) =>
        school.absent.map((entry) => ({
          date,
          ...schoolCells(school),
          assignment_id: entry.assignmentId,
          ...assignmentCells(entry),
          substituted_by_officer_id: entry.substitutedBy?.id ?? null,
        })),
      ),
    ),
};
