import type { EntityManager } from '@mikro-orm/postgresql';
import { daysBetween } from '../../common/dates';
import { Agency } from '../agency/agency.entity';
import { Officer } from '../officer/officer.entity';
import { School } from '../school/school.entity';
import { type CsvParts, type CsvRow, type CsvTable } from './csv';
import { byId } from './sql';
import type { StaffingFigures, StaffingReport } from './staffing-report.types';

export const STAFFING_COLUMNS = [
  'section',
  'date',
  'agency_id',
  'agency',
  'active_officers',
  'assigned_officers',
  'unassigned_officers',
  'total_fte',
  'schools_served',
  'assignments_ending',
  'officer_id',
  'officer_first_name',
  'officer_last_name',
  'rank',
  'assignment_id',
  'school_id',
  'school',
  'role',
  'fte',
  'start_date',
  'end_date',
] as const;

/** The officers, schools and agencies behind the report's lists, which hold references only: one statement each. */
async function listLookups(em: EntityManager, report: StaffingReport) {
  const officers = await byId(em, Officer, [
    ...report.unassignedOfficers.map((officer) => officer.id),
    ...report.endingAssignments.map((assignment) => assignment.officer.id),
  ]);
  const [schools, agencies] = await Promise.all([
    byId(
      em,
      School,
      report.endingAssignments.map((assignment) => assignment.school.id),
    ),
    byId(
      em,
      Agency,
      [...officers.values()].map((officer) => officer.agency.id),
    ),
  ]);
  const officerCells = (officer: Officer) => ({
    agency_id: officer.agency.id,
    agency: agencies.get(officer.agency.id)?.name,
    officer_id: officer.id,
    officer_first_name: officer.firstName,
    officer_last_name: officer.lastName,
    rank: officer.rank,
  });
  return { officers, officerCells, schools };
}

/** Staffing: one row per agency, a totals row, the officers without an assignment, then the assignments ending soon. */
export function staffingTable(em: EntityManager, report: StaffingReport): CsvTable {
  const { date } = report;
  const counts = (figures: StaffingReport['totals']) => ({
    active_officers: figures.activeOfficers,
    assigned_officers: figures.assignedOfficers,
    unassigned_officers: figures.unassignedOfficers,
    total_fte: figures.totalFte,
    schools_served: figures.schoolsServed,
    assignments_ending: figures.assignmentsEnding,
  });
  const lists = async () => {
    const { officers, officerCells, schools } = await listLookups(em, report);
    return [
      ...report.unassignedOfficers.map((officer) => ({ section: 'unassigned_officer', date, ...officerCells(officers.get(officer.id)!) })),
      ...report.endingAssignments.map((assignment) => ({
        section: 'ending_assignment',
        date,
        ...officerCells(officers.get(assignment.officer.id)!),
        assignment_id: assignment.id,
        school_id: assignment.school.id,
        school: schools.get(assignment.school.id)?.name,
        role: assignment.role,
        fte: assignment.fte,
        start_date: assignment.startDate,
        end_date: assignment.endDate,
      })),
    ];
  };
  return {
    columns: STAFFING_COLUMNS,
    sections: [
      () =>
        report.agencies.map((entry) => ({
          section: 'agency',
          date,
          agency_id: entry.agency.id,
          agency: entry.agency.name,
          ...counts(entry),
        })),
      () => [{ section: 'totals', date, ...counts(report.totals) }],
      lists,
    ],
  };
}

const COUNT_COLUMNS = [
  'active_officers',
  'assigned_officers',
  'unassigned_officers',
  'total_fte',
  'schools_served',
  'assignments_ending',
] as const;
const OFFICER_COLUMNS = ['officer_id', 'officer_first_name', 'officer_last_name', 'rank', 'agency_id', 'agency'] as const;

const countCells = (figures: StaffingFigures) => ({
  active_officers: figures.activeOfficers,
  assigned_officers: figures.assignedOfficers,
  unassigned_officers: figures.unassignedOfficers,
  total_fte: figures.totalFte,
  schools_served: figures.schoolsServed,
  assignments_ending: figures.assignmentsEnding,
});

const table = (columns: readonly string[], rows: () => Promise<CsvRow[]> | CsvRow[]): CsvTable => ({
  columns: ['date', ...columns],
  sections: [rows],
});

/** The parts of the staffing CSV (`?part=`), named after the report's GraphQL fields; docs/reports.md lists their columns. */
export const STAFFING_PARTS: CsvParts<StaffingReport> = {
  agencies: ({ date, agencies }) =>
    table(['agency_id', 'agency', ...COUNT_COLUMNS], () =>
      agencies.map((entry) => ({ date, agency_id: entry.agency.id, agency: entry.agency.name, ...countCells(entry) })),
    ),
  totals: ({ date, totals }) => table(COUNT_COLUMNS, () => [{ date, ...countCells(totals) }]),
  unassignedOfficers: (report, em) =>
    table(OFFICER_COLUMNS, async () => {
      const { officers, officerCells } = await listLookups(em, report);
      return report.unassignedOfficers.map((officer) => ({ date: report.date, ...officerCells(officers.get(officer.id)!) }));
    }),
  endingAssignments: (report, em) =>
    table(
      ['assignment_id', ...OFFICER_COLUMNS, 'school_id', 'school', 'level', 'locale', 'role', 'fte', 'start_date', 'end_date', 'days_left'],
      async () => {
        const { officers, officerCells, schools } = await listLookups(em, report);
        return report.endingAssignments.map((assignment) => {
          const school = schools.get(assignment.school.id);
          return {
            date: report.date,
            assignment_id: assignment.id,
            ...officerCells(officers.get(assignment.officer.id)!),
            school_id: assignment.school.id,
            school: school?.name,
            level: school?.level,
            locale: school?.locale,
            role: assignment.role,
            fte: assignment.fte,
            start_date: assignment.startDate,
            end_date: assignment.endDate,
            days_left: assignment.endDate ? daysBetween(report.date, assignment.endDate) : null,
          };
        });
      },
    ),
};
