import type { EntityManager } from '@mikro-orm/postgresql';
import { Agency } from '../agency/agency.entity';
import { Officer } from '../officer/officer.entity';
import { School } from '../school/school.entity';
import type { CsvTable } from './csv';
import { byId } from './sql';
import type { StaffingReport } from './staffing-report.types';

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
    // The lists hold references only: their officers, schools and agencies are loaded here, one statement each.
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
