import type { EntityManager } from '@mikro-orm/postgresql';
import { Agency } from '../agency/agency.entity';
import { Officer } from '../officer/officer.entity';
import { School } from '../school/school.entity';
import type { ActivityFigures, ActivityPeriodReport, ActivityReport } from './activity-report.types';
import type { CoverageReport } from './coverage-report.types';
import type { Cell } from './csv';
import { byId } from './sql';
import type { StaffingReport } from './staffing-report.types';

/** A CSV table: its header, and its rows section by section (each section is written as soon as it is computed). */
export interface CsvTable {
  columns: readonly string[];
  sections: AsyncIterable<Record<string, Cell>[]>;
}

/** Cells in header order; a key that is not a column is a bug, caught by the tests. */
export function cells(columns: readonly string[], row: Record<string, Cell>): Cell[] {
  return columns.map((column) => row[column]);
}

const officerName = (officer: Officer) => `${officer.lastName}, ${officer.firstName}`;

const figureCells = (figures: ActivityFigures) => ({
  activities: figures.activities,
  minutes: figures.minutes,
  hours: figures.hours,
  students_reached: figures.studentsReached,
  staff_reached: figures.staffReached,
});

export const COVERAGE_COLUMNS = [
  'section', 'date', 'school_id', 'school', 'level', 'locale', 'enrollment', 'status', 'total_fte', 'enrollment_per_sro_fte',
  'officer_id', 'officer_first_name', 'officer_last_name', 'rank', 'agency_id', 'agency', 'role', 'fte', 'start_date', 'end_date',
  'schools', 'officers', 'covered', 'partial', 'uncovered',
] as const;

/** Coverage: one summary row, one row per agency, then one row per school and officer (one row for a school without any). */
export function coverageTable(report: CoverageReport): CsvTable {
  const { date, summary } = report;
  async function* sections() {
    yield [{
      section: 'summary', date, schools: summary.schools, enrollment: summary.enrollment, officers: summary.officers, total_fte: summary.totalFte,
      enrollment_per_sro_fte: summary.enrollmentPerSroFte, covered: summary.byStatus.covered, partial: summary.byStatus.partial, uncovered: summary.byStatus.uncovered,
    }];
    yield summary.byAgency.map((entry) => ({
      section: 'agency', date, agency_id: entry.agency.id, agency: entry.agency.name, schools: entry.schoolsServed, officers: entry.officers, total_fte: entry.fte,
    }));
    yield report.schools.flatMap(({ school, status, officers, totalFte, enrollmentPerSroFte }) => {
      const schoolCells = {
        section: 'school', date, school_id: school.id, school: school.name, level: school.level, locale: school.locale, enrollment: school.enrollment,
        status, total_fte: totalFte, enrollment_per_sro_fte: enrollmentPerSroFte,
      };
      if (officers.length === 0) return [schoolCells];
      return officers.map((entry) => ({
        ...schoolCells, officer_id: entry.officer.id, officer_first_name: entry.officer.firstName, officer_last_name: entry.officer.lastName,
        rank: entry.officer.rank, agency_id: entry.agency.id, agency: entry.agency.name, role: entry.role, fte: entry.fte, start_date: entry.startDate, end_date: entry.endDate,
      }));
    });
  }
  return { columns: COVERAGE_COLUMNS, sections: sections() };
}

export const ACTIVITY_COLUMNS = ['section', 'period', 'from', 'to', 'key', 'name', 'activities', 'minutes', 'hours', 'students_reached', 'staff_reached'] as const;

async function* periodSections(part: ActivityPeriodReport, name: 'current' | 'previous') {
  const period = { period: name, from: part.period.from, to: part.period.to };
  yield (await part.byCategory()).map((entry) => ({ section: 'category', ...period, key: entry.category, ...figureCells(entry) }));
  yield (await part.byTopic()).map((entry) => ({ section: 'topic', ...period, key: entry.topic, ...figureCells(entry) }));
  yield (await part.byAgency()).map((entry) => ({ section: 'agency', ...period, key: entry.agency.id, name: entry.agency.name, ...figureCells(entry) }));
  yield (await part.bySchool()).map((entry) => ({ section: 'school', ...period, key: entry.school?.id, name: entry.school?.name ?? 'District-wide', ...figureCells(entry) }));
  yield (await part.byOfficer()).map((entry) => ({ section: 'officer', ...period, key: entry.officer.id, name: officerName(entry.officer), ...figureCells(entry) }));
  yield (await part.series()).map((entry) => ({ section: 'series', period: name, from: entry.from, to: entry.to, ...figureCells(entry) }));
}

/**
 * Program activity: the totals of both periods and the change, then each breakdown and the series for the
 * current period and for the previous one. `section` and `period` say what a row is.
 */
export function activityTable(report: ActivityReport): CsvTable {
  async function* sections() {
    const previous = report.previous();
    const [current, before, change] = await Promise.all([report.totals(), previous.totals(), report.change()]);
    const changeRow = (kind: 'absolute' | 'percent') => ({
      section: kind === 'absolute' ? 'change' : 'change_percent',
      activities: change.activities[kind], minutes: change.minutes[kind], hours: change.hours[kind],
      students_reached: change.studentsReached[kind], staff_reached: change.staffReached[kind],
    });
    yield [
      { section: 'totals', period: 'current', from: report.period.from, to: report.period.to, name: report.period.label, ...figureCells(current) },
      { section: 'totals', period: 'previous', from: previous.period.from, to: previous.period.to, name: previous.period.label, ...figureCells(before) },
      changeRow('absolute'),
      changeRow('percent'),
    ];
    yield* periodSections(report, 'current');
    yield* periodSections(previous, 'previous');
  }
  return { columns: ACTIVITY_COLUMNS, sections: sections() };
}

export const STAFFING_COLUMNS = [
  'section', 'date', 'agency_id', 'agency', 'active_officers', 'assigned_officers', 'unassigned_officers', 'total_fte', 'schools_served', 'assignments_ending',
  'officer_id', 'officer_first_name', 'officer_last_name', 'rank', 'assignment_id', 'school_id', 'school', 'role', 'fte', 'start_date', 'end_date',
] as const;

/** Staffing: one row per agency, a totals row, the officers without an assignment, then the assignments ending soon. */
export function staffingTable(em: EntityManager, report: StaffingReport): CsvTable {
  const { date } = report;
  async function* sections() {
    const counts = (figures: StaffingReport['totals']) => ({
      active_officers: figures.activeOfficers, assigned_officers: figures.assignedOfficers, unassigned_officers: figures.unassignedOfficers,
      total_fte: figures.totalFte, schools_served: figures.schoolsServed, assignments_ending: figures.assignmentsEnding,
    });
    yield report.agencies.map((entry) => ({ section: 'agency', date, agency_id: entry.agency.id, agency: entry.agency.name, ...counts(entry) }));
    yield [{ section: 'totals', date, ...counts(report.totals) }];
    // The lists hold references only: their officers, schools and agencies are loaded here, one statement each.
    const officers = await byId(em, Officer, [...report.unassignedOfficers.map((officer) => officer.id), ...report.endingAssignments.map((assignment) => assignment.officer.id)]);
    const [schools, agencies] = await Promise.all([
      byId(em, School, report.endingAssignments.map((assignment) => assignment.school.id)),
      byId(em, Agency, [...officers.values()].map((officer) => officer.agency.id)),
    ]);
    const officerCells = (officer: Officer) => ({
      agency_id: officer.agency.id, agency: agencies.get(officer.agency.id)?.name, officer_id: officer.id,
      officer_first_name: officer.firstName, officer_last_name: officer.lastName, rank: officer.rank,
    });
    yield report.unassignedOfficers.map((officer) => ({ section: 'unassigned_officer', date, ...officerCells(officers.get(officer.id)!) }));
    yield report.endingAssignments.map((assignment) => ({
      section: 'ending_assignment', date, ...officerCells(officers.get(assignment.officer.id)!), assignment_id: assignment.id,
      school_id: assignment.school.id, school: schools.get(assignment.school.id)?.name, role: assignment.role, fte: assignment.fte,
      start_date: assignment.startDate, end_date: assignment.endDate,
    }));
  }
  return { columns: STAFFING_COLUMNS, sections: sections() };
}
