/**
 * The deterministic demo program: five agencies, twelve officers, 29 schools, their assignments and about
 * 5,000 activities covering a school year that ends today. The same `today` and options always give the same
 * rows in the same order: randomness comes from a seeded generator, never from Math.random or the clock.
 */
import type { EntityClass, EntityDictionary } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays, isCalendarDate } from '../../common/dates';
import { Activity, ActivityCategory, type InstructionTopic } from '../../modules/activity/activity.entity';
import { Agency } from '../../modules/agency/agency.entity';
import { Assignment, AssignmentRole } from '../../modules/assignment/assignment.entity';
import { Officer, OfficerStatus } from '../../modules/officer/officer.entity';
import { AbsenceReason, OfficerAbsence } from '../../modules/officer-absence/officer-absence.entity';
import { School } from '../../modules/school/school.entity';
import { SchoolClosure } from '../../modules/calendar/school-closure.entity';
import { SchoolYear } from '../../modules/calendar/school-year.entity';
import { demoSchoolYear, isSchoolDay, schoolYearStartOf } from './demo-calendar';
import { seedDemoChecklist } from './demo-checklist';
import { seedTraining } from './demo-training';
import {
  CATEGORY_NOTES,
  CATEGORY_WEIGHTS,
  DEMO_AGENCIES,
  DEMO_ASSIGNMENTS,
  DEMO_OFFICERS,
  DEMO_SCHOOLS,
  TOPIC_WEIGHTS,
  levelGroup,
  ncesId,
  type DemoSchool,
  type RelativeDate,
} from './demo-data';

export interface DemoSummary {
  agencies: number;
  officers: number;
  schools: number;
  assignments: number;
  activities: number;
}

export interface DemoOptions {
  /** The demo's "today", YYYY-MM-DD: activities end here and assignments are laid out around it. */
  today: string;
  /** Month (1-12) on whose 1st the program year starts. */
  programYearStartMonth: number;
}

// About one school year of a dozen SROs' logs.
const TARGET_ACTIVITIES = 5_000;
// A fixed seed: the demo only varies with `today` and the options.
const SEED = 0x5eed2026;
// Rows per INSERT: far below PostgreSQL's 65,535 parameters per statement, few round trips.
const INSERT_BATCH = 1_000;
// Share of activities that carry a short note.
const NOTE_SHARE = 0.35;

/** True when the database holds no agencies and no schools, i.e. nothing a demo could clash with. */
export async function isDatabaseEmpty(em: EntityManager): Promise<boolean> {
  const agencies = await em.count(Agency, {});
  const schools = await em.count(School, {});
  return agencies === 0 && schools === 0;
}

/** Writes the demo program in one transaction; the database's own rules check every assignment. */
export async function seedDemo(em: EntityManager, options: DemoOptions): Promise<DemoSummary> {
  const plan = planDemo(options);
  return em.transactional(async (transaction) => {
    const agencyIds = await insertReturningIds(
      transaction,
      Agency,
      DEMO_AGENCIES.map(({ name, kind, ori, chiefName, phone, email, address }) => ({ name, kind, ori, chiefName, phone, email, address })),
    );
    const agencyIndex = new Map(DEMO_AGENCIES.map((agency, index) => [agency.key, index]));
    const officerIds = await insertReturningIds(
      transaction,
      Officer,
      DEMO_OFFICERS.map((officer) => {
        const agency = agencyIndex.get(officer.agency)!;
        return {
          agency: agencyIds[agency],
          firstName: officer.firstName,
          lastName: officer.lastName,
          badgeNumber: officer.badgeNumber,
          rank: officer.rank,
          email: `${officer.firstName}.${officer.lastName}@${DEMO_AGENCIES[agency].emailDomain}`.toLowerCase(),
          phone: officer.phone,
          // Everyone starts ACTIVE: the database gives new assignments to ACTIVE officers only.
          status: OfficerStatus.ACTIVE,
          sroSince: plan.resolve(officer.sroSince),
          sroTrainingCompletedOn: officer.sroTrainingCompletedOn ? plan.resolve(officer.sroTrainingCompletedOn) : null,
          notes: officer.notes ?? null,
        };
      }),
    );
    const schoolIds = await insertReturningIds(
      transaction,
      School,
      DEMO_SCHOOLS.map((school, index) => ({
        name: school.name,
        ncesId: ncesId(index + 1),
        level: school.level,
        locale: school.locale,
        address: school.address,
        enrollment: school.enrollment,
        principalName: school.principalName,
        phone: school.phone,
        active: true,
      })),
    );
    await transaction.insertMany(
      Assignment,
      plan.assignments.map((assignment) => ({
        officer: officerIds[assignment.officer],
        school: schoolIds[assignment.school],
        role: assignment.role,
        startDate: assignment.startDate,
        endDate: assignment.endDate,
        fte: assignment.fte,
        notes: assignment.notes,
      })),
    );
    // Leave is an absence (open-ended), from the day after the officer's assignments ended.
    const onLeave = DEMO_OFFICERS.flatMap((officer, index) => (officer.onLeave ? [officerIds[index]] : []));
    await transaction.insertMany(
      OfficerAbsence,
      onLeave.map((officer) => ({ officer, startDate: addDays(options.today, -24), endDate: null, reason: AbsenceReason.LEAVE })),
    );
    for (let offset = 0; offset < plan.activities.length; offset += INSERT_BATCH) {
      await transaction.insertMany(
        Activity,
        plan.activities.slice(offset, offset + INSERT_BATCH).map((activity) => ({
          officer: officerIds[activity.officer],
          school: activity.school === null ? null : schoolIds[activity.school],
          date: activity.date,
          category: activity.category,
          topic: activity.topic,
          durationMinutes: activity.durationMinutes,
          studentsReached: activity.studentsReached,
          staffReached: activity.staffReached,
          notes: activity.notes,
        })),
      );
    }
    // The previous and the current school year, with their breaks, holidays and one school's emergency closure.
    const current = schoolYearStartOf(options.today);
    const schoolIndex = new Map(DEMO_SCHOOLS.map((school, index) => [school.key, index]));
    for (const year of [demoSchoolYear(current - 1), demoSchoolYear(current)]) {
      await transaction.insertMany(SchoolYear, [{ name: year.name, firstDay: year.firstDay, lastDay: year.lastDay }]);
      await transaction.insertMany(
        SchoolClosure,
        year.closures.map(({ startDate, endDate, reason, school }) => ({
          startDate,
          endDate,
          reason,
          school: school === undefined ? null : schoolIds[schoolIndex.get(school)!],
        })),
      );
    }
    await seedDemoChecklist(transaction);
    await seedTraining(
      transaction,
      DEMO_OFFICERS.map((officer, index) => ({
        id: officerIds[index],
        basicCompletedOn: officer.sroTrainingCompletedOn ? plan.resolve(officer.sroTrainingCompletedOn) : null,
      })),
      options.today,
    );
    return {
      agencies: agencyIds.length,
      officers: officerIds.length,
      schools: schoolIds.length,
      assignments: plan.assignments.length,
      activities: plan.activities.length,
    };
  });
}

/**
 * One multi-row INSERT that returns the new ids in row order. `em.insertMany` returns only the first id on
 * PostgreSQL (MikroORM 6.6), so this reads the RETURNING rows the driver already asks for.
 */
async function insertReturningIds<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  rows: EntityDictionary<T>[],
): Promise<number[]> {
  const result = await em.getDriver().nativeInsertMany<T>(entity.name, rows, { ctx: em.getTransactionContext() });
  const ids = (result.rows ?? []).map((row) => row.id as number);
  if (ids.length !== rows.length) throw new Error(`expected ${rows.length} ids from inserting ${entity.name} rows, got ${ids.length}`);
  return ids;
}

/** An assignment with real dates; officer and school are indexes into DEMO_OFFICERS and DEMO_SCHOOLS. */
interface PlannedAssignment {
  officer: number;
  school: number;
  role: AssignmentRole;
  fte: number;
  startDate: string;
  endDate: string | null;
  notes: string | null;
}

/** An activity; officer and school are indexes into DEMO_OFFICERS and DEMO_SCHOOLS. */
interface PlannedActivity {
  officer: number;
  school: number | null;
  date: string;
  category: ActivityCategory;
  topic: InstructionTopic | null;
  durationMinutes: number;
  studentsReached: number;
  staffReached: number;
  notes: string | null;
}

/** A school day on which an officer holds at least one assignment. */
interface OfficerDay {
  date: string;
  officer: number;
  assignments: PlannedAssignment[];
  /** Summed FTE of that day's assignments: part-time officers log less. */
  fte: number;
}

interface DemoPlan {
  resolve(date: RelativeDate): string;
  assignments: PlannedAssignment[];
  activities: PlannedActivity[];
}

/** Everything the demo writes, computed without the database (exported so it can be inspected without one). */
export function planDemo({ today, programYearStartMonth }: DemoOptions): DemoPlan {
  if (!isCalendarDate(today)) throw new RangeError(`today must be a calendar date YYYY-MM-DD; got ${JSON.stringify(today)}`);
  if (!Number.isInteger(programYearStartMonth) || programYearStartMonth < 1 || programYearStartMonth > 12) {
    throw new RangeError(`programYearStartMonth must be an integer from 1 to 12; got ${programYearStartMonth}`);
  }
  const programYear = programYearStartOf(today, programYearStartMonth);
  // Always about a school year of data: early in a program year, the previous one is included too.
  const activityStart = monthsBetween(programYear, today) < 8 ? addMonths(programYear, -12) : programYear;
  const resolve = (date: RelativeDate) =>
    addDays(addMonths(date.from === 'today' ? today : programYear, 12 * (date.years ?? 0)), date.days ?? 0);

  const officerIndex = new Map(DEMO_OFFICERS.map((officer, index) => [officer.key, index]));
  const schoolIndex = new Map(DEMO_SCHOOLS.map((school, index) => [school.key, index]));
  const assignments = DEMO_ASSIGNMENTS.map((assignment): PlannedAssignment => ({
    officer: officerIndex.get(assignment.officer)!,
    school: schoolIndex.get(assignment.school)!,
    role: assignment.role,
    fte: assignment.fte,
    startDate: resolve(assignment.start),
    endDate: assignment.end ? resolve(assignment.end) : null,
    notes: assignment.notes ?? null,
  }));

  const officerDays: OfficerDay[] = [];
  for (let date = activityStart; date <= today; date = addDays(date, 1)) {
    if (!isSchoolDay(date)) continue;
    DEMO_OFFICERS.forEach((_officer, officer) => {
      // A school closed on its own that day (demo-calendar.ts) has no activities.
      const held = assignments.filter(
        (assignment) =>
          assignment.officer === officer &&
          assignment.startDate <= date &&
          (assignment.endDate === null || date <= assignment.endDate) &&
          isSchoolDay(date, DEMO_SCHOOLS[assignment.school].key),
      );
      if (held.length)
        officerDays.push({ date, officer, assignments: held, fte: Math.min(1, sum(held.map((assignment) => assignment.fte))) });
    });
  }

  const random = mulberry32(SEED);
  const audits = planSafetyAudits(random, officerDays, activityStart, today);
  const activities = [...audits, ...planDailyActivities(random, officerDays, TARGET_ACTIVITIES - audits.length)];
  // Chronological, then by officer; Array.prototype.sort is stable, so equal keys keep their generated order.
  activities.sort((left, right) => (left.date < right.date ? -1 : left.date > right.date ? 1 : left.officer - right.officer));
  return { resolve, assignments, activities };
}

/** One facility audit per school per program-year quarter, by an officer who serves the school that day. */
function planSafetyAudits(random: () => number, officerDays: OfficerDay[], activityStart: string, today: string): PlannedActivity[] {
  const audits: PlannedActivity[] = [];
  for (let quarterStart = activityStart; quarterStart <= today; quarterStart = addMonths(quarterStart, 3)) {
    const quarterEnd = addMonths(quarterStart, 3);
    const quarterDays = officerDays.filter((day) => day.date >= quarterStart && day.date < quarterEnd);
    DEMO_SCHOOLS.forEach((school, schoolIndex) => {
      // Backup officers cover absences; audits are the regular officers' job.
      const candidates = quarterDays.filter((day) =>
        day.assignments.some((assignment) => assignment.school === schoolIndex && assignment.role !== AssignmentRole.BACKUP),
      );
      if (!candidates.length) return;
      const day = candidates[Math.floor(random() * candidates.length)];
      audits.push(planActivity(random, day, schoolIndex, ActivityCategory.SAFETY_AUDIT));
    });
  }
  return audits;
}

/** The everyday mix, spread over officer-days in proportion to FTE so that the total lands near `target`. */
function planDailyActivities(random: () => number, officerDays: OfficerDay[], target: number): PlannedActivity[] {
  const perFullTimeDay = target / sum(officerDays.map((day) => day.fte));
  const activities: PlannedActivity[] = [];
  for (const day of officerDays) {
    const expected = perFullTimeDay * day.fte;
    const count = Math.floor(expected) + (random() < expected - Math.floor(expected) ? 1 : 0);
    for (let index = 0; index < count; index++) {
      const assignment = weightedPick(
        random,
        day.assignments.map((held): [PlannedAssignment, number] => [held, held.fte]),
      );
      const school = DEMO_SCHOOLS[assignment.school];
      const category = weightedPick(random, CATEGORY_WEIGHTS[levelGroup(school.level)]);
      // Training is the officer's own, district-wide: it belongs to no school.
      activities.push(planActivity(random, day, category === ActivityCategory.TRAINING ? null : assignment.school, category));
    }
  }
  return activities;
}

function planActivity(random: () => number, day: OfficerDay, schoolIndex: number | null, category: ActivityCategory): PlannedActivity {
  const school = schoolIndex === null ? null : DEMO_SCHOOLS[schoolIndex];
  const notes = CATEGORY_NOTES[category];
  // Drawn in a fixed order whatever the branch taken, which keeps the sequence easy to reason about.
  const measures = measure(random, category, school);
  const note = random() < NOTE_SHARE ? notes[Math.floor(random() * notes.length)] : null;
  return { officer: day.officer, school: schoolIndex, date: day.date, category, notes: note, ...measures };
}

type Measures = Pick<PlannedActivity, 'topic' | 'durationMinutes' | 'studentsReached' | 'staffReached'>;

/** Duration and reach that fit the category and the size of the school. */
function measure(random: () => number, category: ActivityCategory, school: DemoSchool | null): Measures {
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const enrollment = school?.enrollment ?? 0;
  const atMostEnrollment = (count: number) => Math.min(count, enrollment);
  const measures = (durationMinutes: number, studentsReached: number, staffReached: number): Measures => ({
    topic: null,
    durationMinutes,
    studentsReached,
    staffReached,
  });
  switch (category) {
    case ActivityCategory.CLASSROOM_INSTRUCTION: {
      const group = levelGroup(school!.level);
      const topic = weightedPick(random, TOPIC_WEIGHTS[group]);
      // Now and then a lesson is given to a whole grade at an assembly.
      if (random() < 0.08)
        return {
          topic,
          durationMinutes: between(3, 4) * 15,
          studentsReached: atMostEnrollment(between(150, 400)),
          staffReached: between(4, 12),
        };
      const classes = between(1, 3);
      const classMinutes = group === 'elementary' ? between(6, 9) * 5 : between(9, 11) * 5;
      let students = 0;
      for (let index = 0; index < classes; index++) students += between(20, 30);
      return { topic, durationMinutes: classes * classMinutes, studentsReached: atMostEnrollment(students), staffReached: classes };
    }
    case ActivityCategory.MENTORING:
      return measures(between(2, 4) * 15, between(1, 3), between(0, 1));
    case ActivityCategory.CASS_PROGRAM:
      return measures(between(3, 6) * 15, atMostEnrollment(between(6, 15)), between(1, 2));
    case ActivityCategory.SAFETY_AUDIT:
      return measures(between(6, 12) * 15, 0, between(1, 3));
    case ActivityCategory.TIP_FOLLOW_UP:
      return measures(between(2, 8) * 15, between(1, 3), between(1, 2));
    case ActivityCategory.EMERGENCY_DRILL:
      // The whole school takes part, less the day's absences.
      return measures(between(4, 9) * 5, Math.round((enrollment * between(90, 98)) / 100), Math.round(enrollment / between(13, 17)));
    case ActivityCategory.THREAT_ASSESSMENT:
      return measures(between(4, 8) * 15, 1, between(3, 6));
    case ActivityCategory.STAFF_PARENT_MEETING:
      return measures(between(4, 12) * 5, between(0, 1), between(1, 5));
    case ActivityCategory.LAW_ENFORCEMENT_RESPONSE:
      return measures(between(1, 8) * 15, between(1, 4), between(0, 2));
    case ActivityCategory.EXTRACURRICULAR_EVENT:
      return measures(between(4, 8) * 30, atMostEnrollment(between(40, 250)), between(3, 12));
    case ActivityCategory.VISIBILITY_PATROL:
      // Presence, not contact: nobody is counted as reached.
      return measures(between(2, 6) * 15, 0, 0);
    case ActivityCategory.TRAINING:
      return measures(between(4, 8) * 60, 0, 0);
    case ActivityCategory.OTHER:
      return measures(between(1, 6) * 15, between(0, 5), between(0, 3));
  }
}

/** mulberry32: a tiny, fast 32-bit generator; plenty for demo data and identical on every platform. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function weightedPick<T>(random: () => number, choices: [T, number][]): T {
  let remaining = random() * sum(choices.map(([, weight]) => weight));
  for (const [choice, weight] of choices) {
    remaining -= weight;
    if (remaining < 0) return choice;
  }
  return choices[choices.length - 1][0];
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

// Calendar: all dates are YYYY-MM-DD strings read as UTC, so no local time zone can shift them.

function parts(date: string): { year: number; month: number; day: number; weekday: number } {
  const value = new Date(`${date}T00:00:00Z`);
  return { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate(), weekday: value.getUTCDay() };
}

/** Adds calendar months; a day missing from the target month rolls over (Feb 29 + 12 months = Mar 1). */
function addMonths(date: string, months: number): string {
  const { year, month, day } = parts(date);
  return new Date(Date.UTC(year, month - 1 + months, day)).toISOString().slice(0, 10);
}

function monthsBetween(from: string, to: string): number {
  const start = parts(from);
  const end = parts(to);
  return (end.year - start.year) * 12 + (end.month - start.month);
}

function programYearStartOf(date: string, startMonth: number): string {
  const { year, month } = parts(date);
  const startYear = month >= startMonth ? year : year - 1;
  return `${startYear}-${String(startMonth).padStart(2, '0')}-01`;
}
