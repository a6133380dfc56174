import type { EntityManager } from '@mikro-orm/postgresql';
import { LONGEST_SUMMER_DAYS } from '../../server/src/modules/report/coverage-report.service';
import { TestApp } from '../support/app';

/**
 * Independent computations of the reports, in plain JavaScript over every row of the shared test database (read
 * back as the owner, so other test files' rows count exactly as they do for the server).
 */
export interface Rows {
  agencies: { id: number; name: string; active: boolean }[];
  officers: {
    id: number;
    agency_id: number;
    first_name: string;
    last_name: string;
    rank: string;
    status: string;
    created_on: string;
    left_program_on: string | null;
  }[];
  schools: {
    id: number;
    name: string;
    level: string;
    locale: string;
    enrollment: number;
    active: boolean;
    deactivated_on: string | null;
  }[];
  /** Which agency each officer served from which day ('-infinity' for the first). */
  agencyPeriods: { officer_id: number; agency_id: number; start_date: string; end_date: string | null }[];
  assignments: {
    id: number;
    officer_id: number;
    school_id: number;
    role: string;
    fte: number;
    start_date: string;
    end_date: string | null;
  }[];
  absences: { officer_id: number; substitute_id: number | null; start_date: string; end_date: string | null }[];
  schoolYears: { first_day: string; last_day: string }[];
  closures: { school_id: number | null; start_date: string; end_date: string }[];
  activities: {
    id: number;
    officer_id: number;
    agency_id: number;
    school_id: number | null;
    date: string;
    category: string;
    topic: string | null;
    duration_minutes: number;
    students_reached: number;
    staff_reached: number;
  }[];
}

/** Every row, read through the test's own connection as the owner, or inside a transaction the test holds. */
export async function readRows(source: TestApp | EntityManager): Promise<Rows> {
  const em = source instanceof TestApp ? source.orm.em.fork() : source;
  const date = (column: string) => `to_char(${column}, 'YYYY-MM-DD') as ${column}`;
  return {
    agencies: await em.execute('select id, name, active from agency'),
    officers: await em.execute(
      `select id, agency_id, first_name, last_name, rank, status, to_char(created_at, 'YYYY-MM-DD') as created_on, ${date('left_program_on')} from officer`,
    ),
    schools: await em.execute(`select id, name, level, locale, enrollment, active, ${date('deactivated_on')} from school`),
    agencyPeriods: await em.execute(
      `select officer_id, agency_id, start_date::text as start_date, ${date('end_date')} from officer_agency_period`,
    ),
    assignments: await em.execute(
      `select id, officer_id, school_id, role, fte::float8 as fte, ${date('start_date')}, ${date('end_date')} from assignment`,
    ),
    absences: await em.execute(`select officer_id, substitute_id, ${date('start_date')}, ${date('end_date')} from officer_absence`),
    schoolYears: await em.execute(`select ${date('first_day')}, ${date('last_day')} from school_year`),
    closures: await em.execute(`select school_id, ${date('start_date')}, ${date('end_date')} from school_closure`),
    activities: await em.execute(
      `select id, officer_id, agency_id, school_id, ${date('date')}, category, topic, duration_minutes, students_reached, staff_reached from activity`,
    ),
  };
}

export const activeOn = (assignment: { start_date: string; end_date: string | null }, date: string) =>
  assignment.start_date <= date && (assignment.end_date === null || date <= assignment.end_date);

export const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/** Figures rounded to two decimals by the server are within half a hundredth of the exact value (plus float noise). */
export const ROUNDING = 0.005 + 1e-9;

const DAY_MS = 86_400_000;
export const shiftDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
export const dayCount = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;

export interface CoverageFilterValues {
  agencyId?: number;
  level?: string;
  locale?: string;
}

/**
 * Whether a school has no school on a date: a closure of it or of every school; a weekend within a school year; or
 * a day between two school years at most LONGEST_SUMMER_DAYS apart (days off between them, the summer).
 */
export function noSchool(rows: Rows, schoolId: number, date: string): boolean {
  if (rows.closures.some((closure) => (closure.school_id === null || closure.school_id === schoolId) && activeOn(closure, date)))
    return true;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (rows.schoolYears.some((year) => year.first_day <= date && date <= year.last_day)) return weekday === 0 || weekday === 6;
  const ended = rows.schoolYears.filter((year) => year.last_day < date).map((year) => year.last_day);
  const starting = rows.schoolYears.filter((year) => year.first_day > date).map((year) => year.first_day);
  if (!ended.length || !starting.length) return false;
  const lastDay = ended.sort().at(-1)!;
  const firstDay = starting.sort()[0];
  return dayCount(lastDay, firstDay) - 1 <= LONGEST_SUMMER_DAYS + 1;
}

/** The agency an officer served on a date, from its periods ('-infinity' sorts before every date). */
function agencyOnDate(rows: Rows, officerId: number, date: string): number {
  const period = rows.agencyPeriods.find(
    (row) =>
      row.officer_id === officerId &&
      (row.start_date === '-infinity' || row.start_date <= date) &&
      (row.end_date === null || date <= row.end_date),
  );
  return period ? period.agency_id : rows.officers.find((officer) => officer.id === officerId)!.agency_id;
}

export function expectedCoverage(rows: Rows, date: string, filter: CoverageFilterValues = {}) {
  const agencyOf = new Map(rows.officers.map((officer) => [officer.id, agencyOnDate(rows, officer.id, date)]));
  const inProgram = (school: Rows['schools'][number]) => school.active || (school.deactivated_on !== null && school.deactivated_on >= date);
  const activeSchools = new Set(rows.schools.filter(inProgram).map((school) => school.id));
  const assigned = rows.assignments.filter((assignment) => activeOn(assignment, date) && activeSchools.has(assignment.school_id));
  // An absent officer serves nothing; its substitute serves its assignments in its place.
  const away = new Map(rows.absences.filter((absence) => activeOn(absence, date)).map((absence) => [absence.officer_id, absence]));
  const held = assigned.flatMap((assignment) => {
    const absence = away.get(assignment.officer_id);
    if (!absence) return [assignment];
    return absence.substitute_id === null ? [] : [{ ...assignment, officer_id: absence.substitute_id }];
  });
  const schools = rows.schools.filter(
    (school) =>
      inProgram(school) &&
      (!filter.level || school.level === filter.level) &&
      (!filter.locale || school.locale === filter.locale) &&
      (!filter.agencyId ||
        assigned.some((assignment) => assignment.school_id === school.id && agencyOf.get(assignment.officer_id) === filter.agencyId)),
  );
  const listed = new Set(schools.map((school) => school.id));
  const heldListed = held.filter((assignment) => listed.has(assignment.school_id));
  const perSchool = schools.map((school) => {
    const here = heldListed.filter((assignment) => assignment.school_id === school.id);
    const totalFte = sum(here.map((assignment) => assignment.fte));
    return {
      schoolId: school.id,
      status: noSchool(rows, school.id, date)
        ? 'NO_SCHOOL'
        : here.some((assignment) => assignment.role === 'PRIMARY')
          ? 'COVERED'
          : here.length
            ? 'PARTIAL'
            : 'UNCOVERED',
      totalFte,
      enrollmentPerSroFte: totalFte === 0 ? null : school.enrollment / totalFte,
      assignments: here.map((assignment) => ({
        id: assignment.id,
        officerId: assignment.officer_id,
        agencyId: agencyOf.get(assignment.officer_id)!,
        role: assignment.role,
        fte: assignment.fte,
      })),
    };
  });
  const count = (status: string) => perSchool.filter((school) => school.status === status).length;
  const enrollment = sum(schools.map((school) => school.enrollment));
  const totalFte = sum(heldListed.map((assignment) => assignment.fte));
  const agencyIds = [...new Set(heldListed.map((assignment) => agencyOf.get(assignment.officer_id)!))];
  return {
    schools: perSchool,
    summary: {
      schools: schools.length,
      enrollment,
      byStatus: { covered: count('COVERED'), partial: count('PARTIAL'), uncovered: count('UNCOVERED'), noSchool: count('NO_SCHOOL') },
      officers: new Set(heldListed.map((assignment) => assignment.officer_id)).size,
      totalFte,
      enrollmentPerSroFte: totalFte === 0 ? null : enrollment / totalFte,
      byAgency: agencyIds.map((agencyId) => {
        const theirs = heldListed.filter((assignment) => agencyOf.get(assignment.officer_id) === agencyId);
        return {
          agencyId,
          schoolsServed: new Set(theirs.map((assignment) => assignment.school_id)).size,
          officers: new Set(theirs.map((assignment) => assignment.officer_id)).size,
          fte: sum(theirs.map((assignment) => assignment.fte)),
        };
      }),
    },
  };
}

/** Staffing as it was on the date: schools and officers in the program then, officers present, agencies of then. */
export function expectedStaffing(
  rows: Rows,
  date: string,
  filter: { agencyId?: number; endingWithinDays?: number } = {},
  ownAgencyId?: number,
) {
  const endingBy = shiftDays(date, filter.endingWithinDays ?? 30);
  const inProgram = new Set(
    rows.schools
      .filter((school) => school.active || (school.deactivated_on !== null && school.deactivated_on >= date))
      .map((school) => school.id),
  );
  const atSchool = rows.assignments
    .filter((assignment) => inProgram.has(assignment.school_id))
    .map((assignment) => ({ ...assignment, agency_id: agencyOnDate(rows, assignment.officer_id, date) }));
  const held = atSchool.filter((assignment) => activeOn(assignment, date));
  const ending = atSchool.filter(
    (assignment) => assignment.end_date !== null && date <= assignment.end_date && assignment.end_date <= endingBy,
  );
  const away = new Set(rows.absences.filter((absence) => activeOn(absence, date)).map((absence) => absence.officer_id));
  const staff = rows.officers
    .filter(
      (officer) =>
        officer.created_on <= date &&
        ((officer.left_program_on === null && officer.status === 'ACTIVE') ||
          (officer.left_program_on !== null && officer.left_program_on >= date)) &&
        !away.has(officer.id),
    )
    .map((officer) => ({ id: officer.id, agency_id: agencyOnDate(rows, officer.id, date) }));
  const listed = rows.agencies.filter(
    (agency) =>
      (!filter.agencyId || agency.id === filter.agencyId) &&
      (agency.active ||
        rows.officers.some((officer) => officer.agency_id === agency.id && officer.status === 'ACTIVE') ||
        held.some((assignment) => assignment.agency_id === agency.id)),
  );
  const figures = (agencyIds: number[]) => {
    const active = staff.filter((officer) => agencyIds.includes(officer.agency_id));
    const assigned = active.filter((officer) => held.some((assignment) => assignment.officer_id === officer.id));
    const theirs = held.filter((assignment) => agencyIds.includes(assignment.agency_id));
    const theirEnding = ending.filter((assignment) => agencyIds.includes(assignment.agency_id));
    return {
      activeOfficers: active.length,
      assignedOfficers: assigned.length,
      unassignedOfficers: active.length - assigned.length,
      totalFte: sum(theirs.map((assignment) => assignment.fte)),
      schoolsServed: new Set(theirs.map((assignment) => assignment.school_id)).size,
      assignmentsEnding: theirEnding.length,
      unassignedIds: active.filter((officer) => !assigned.includes(officer)).map((officer) => officer.id),
      endingIds: theirEnding.map((assignment) => assignment.id),
    };
  };
  const listedIds = listed.map((agency) => agency.id);
  const lists = figures(ownAgencyId === undefined ? listedIds : listedIds.filter((id) => id === ownAgencyId));
  const { unassignedIds: _unassigned, endingIds: _ending, ...totals } = figures(listedIds);
  return {
    endingBy,
    agencies: listed.map((agency) => {
      const { unassignedIds: _u, endingIds: _e, ...counts } = figures([agency.id]);
      return { agencyId: agency.id, ...counts };
    }),
    totals,
    unassignedIds: lists.unassignedIds,
    endingIds: lists.endingIds,
  };
}

export const COVERAGE_REPORT = `query($date: Date, $filter: CoverageFilter) {
  coverageReport(date: $date, filter: $filter) {
    date
    summary {
      schools enrollment byStatus { covered partial uncovered noSchool } officers totalFte enrollmentPerSroFte
      byAgency { agency { id name } schoolsServed officers fte }
    }
    schools {
      school { id name level locale enrollment } status totalFte enrollmentPerSroFte
      officers { assignmentId officer { id firstName lastName rank badgeNumber email } agency { id name } role fte startDate endDate substituteFor { id } }
      absent { assignmentId officer { id firstName lastName rank } agency { id name } role fte startDate endDate substitutedBy { id } }
    }
  }
}`;

export const STAFFING_REPORT = `query($date: Date, $filter: StaffingFilter) {
  staffingReport(date: $date, filter: $filter) {
    date endingWithinDays endingBy scope { kind agencyId officerId }
    agencies { agency { id name } activeOfficers assignedOfficers unassignedOfficers totalFte schoolsServed assignmentsEnding }
    totals { activeOfficers assignedOfficers unassignedOfficers totalFte schoolsServed assignmentsEnding }
    unassignedOfficers { id firstName lastName rank agency { id name } }
    endingAssignments { id role fte startDate endDate officer { id firstName lastName rank agency { id name } } school { id name } }
  }
}`;

/** Today in a time zone, the way a person there reads the calendar. */
export const todayIn = (timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
