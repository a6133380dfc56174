import type { MikroORM } from '@mikro-orm/postgresql';
import { addDays } from '../../server/src/common/dates';
import { isDatabaseEmpty, seedDemo, type DemoSummary } from '../../server/src/db/seed/demo';
import { openTestDatabase } from '../support/database';

type Row = Record<string, unknown>;
const TABLES = ['agency', 'officer', 'school', 'assignment', 'officer_absence', 'school_year', 'school_closure', 'activity'] as const;
type Table = (typeof TABLES)[number];
type Snapshot = { summary: DemoSummary; emptyAfterSeeding: boolean } & Record<Table, Row[]>;

// Foreign-key columns, rewritten as positions in the referenced table so that two runs compare equal.
const REFERENCES: Record<string, Table> = { agency_id: 'agency', officer_id: 'officer', school_id: 'school' };

class RollBack extends Error {}

/**
 * Seeds inside a transaction that is rolled back afterwards: the run's shared database is left as it was, and
 * rows other test files committed are told apart by id. Ids become positions (0, 1, ...) because rolled-back
 * inserts still move the sequences on.
 */
async function seedAndRead(orm: MikroORM, today: string, programYearStartMonth = 7): Promise<Snapshot> {
  let snapshot: Snapshot | undefined;
  try {
    await orm.em.fork().transactional(async (em) => {
      const lastIds = new Map<Table, number>();
      for (const table of TABLES) {
        const [{ last }] = await em.execute<{ last: number }[]>(`select coalesce(max(id), 0)::int as last from "${table}"`);
        lastIds.set(table, last);
      }
      const summary = await seedDemo(em, { today, programYearStartMonth });
      const positions = new Map<Table, Map<unknown, number>>();
      const read: Partial<Record<Table, Row[]>> = {};
      for (const table of TABLES) {
        const rows = await em.execute<Row[]>(`select * from "${table}" where id > ? order by id`, [lastIds.get(table)!]);
        positions.set(table, new Map(rows.map((row, index) => [row.id, index])));
        read[table] = rows.map(({ created_at: _created, updated_at: _updated, ...row }) => {
          const content: Row = { ...row, id: positions.get(table)!.get(row.id) };
          for (const [column, referenced] of Object.entries(REFERENCES)) {
            if (content[column] !== undefined && content[column] !== null)
              content[column] = positions.get(referenced)!.get(content[column]);
          }
          return content;
        });
      }
      snapshot = { summary, emptyAfterSeeding: await isDatabaseEmpty(em), ...(read as Record<Table, Row[]>) };
      throw new RollBack();
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  return snapshot!;
}

const onDate = (assignment: Row, date: string) =>
  (assignment.start_date as string) <= date && (assignment.end_date === null || date <= (assignment.end_date as string));

describe('demo program', () => {
  let orm: MikroORM;

  beforeAll(async () => {
    orm = await openTestDatabase();
  });

  afterAll(async () => {
    await orm.close();
  });

  describe.each([
    // Early in a program year the demo reaches back over the previous one; late in it, the current one is enough.
    { today: '2026-11-27', programYearStartMonth: 7, dataFrom: '2025-07-01', firstDataBefore: '2026-01-01' },
    { today: '2026-08-20', programYearStartMonth: 7, dataFrom: '2025-07-01', firstDataBefore: '2026-01-01' },
    { today: '2027-05-14', programYearStartMonth: 7, dataFrom: '2026-07-01', firstDataBefore: '2026-09-01' },
  ])(
    'seeded for $today (program year from month $programYearStartMonth)',
    ({ today, programYearStartMonth, dataFrom, firstDataBefore }) => {
      let demo: Snapshot;

      beforeAll(async () => {
        demo = await seedAndRead(orm, today, programYearStartMonth);
      });

      it('is the same, row for row, every time', async () => {
        const again = await seedAndRead(orm, today, programYearStartMonth);
        expect(again).toEqual(demo);
      });

      it('has the size of a county district', () => {
        expect(demo.agency).toHaveLength(5);
        expect(demo.officer.length).toBeGreaterThanOrEqual(10);
        expect(demo.officer.length).toBeLessThanOrEqual(14);
        expect(demo.school.length).toBeGreaterThanOrEqual(25);
        expect(demo.school.length).toBeLessThanOrEqual(32);
        expect(demo.activity.length).toBeGreaterThanOrEqual(4_000);
        expect(demo.activity.length).toBeLessThanOrEqual(6_000);
        const enrollment = demo.school.reduce((total, school) => total + (school.enrollment as number), 0);
        expect(enrollment).toBeGreaterThanOrEqual(11_000);
        expect(enrollment).toBeLessThanOrEqual(15_000);
        expect(demo.summary).toEqual({
          agencies: demo.agency.length,
          officers: demo.officer.length,
          schools: demo.school.length,
          assignments: demo.assignment.length,
          activities: demo.activity.length,
        });
        expect(demo.emptyAfterSeeding).toBe(false);
      });

      it('leaves some elementary schools uncovered and covers every rural school with a deputy', () => {
        const primaryToday = demo.assignment.filter((assignment) => assignment.role === 'PRIMARY' && onDate(assignment, today));
        const hasPrimary = (school: Row) => primaryToday.some((assignment) => assignment.school_id === school.id);
        expect(demo.school.filter((school) => school.level === 'ELEMENTARY' && !hasPrimary(school)).length).toBeGreaterThan(0);

        const sheriffs = new Set(demo.agency.filter((agency) => agency.kind === 'COUNTY_SHERIFF').map((agency) => agency.id));
        const deputies = new Set(demo.officer.filter((officer) => sheriffs.has(officer.agency_id)).map((officer) => officer.id));
        const rural = demo.school.filter((school) => school.locale === 'RURAL');
        expect(rural.length).toBeGreaterThan(0);
        for (const school of rural) {
          expect(primaryToday.some((assignment) => assignment.school_id === school.id && deputies.has(assignment.officer_id))).toBe(true);
        }
      });

      it('ships the previous and the current school year, with breaks, holidays and a summer, and no activity on a closed day', () => {
        expect(demo.school_year).toHaveLength(2);
        const [previous, current] = demo.school_year as { name: string; first_day: string; last_day: string }[];
        expect(previous.last_day < current.first_day).toBe(true);
        // Today is in the current school year or in the summer before it.
        expect(current.first_day.slice(0, 4) <= today.slice(0, 4) && today <= current.last_day).toBe(true);
        const reasons = demo.school_closure.map((closure) => closure.reason);
        for (const reason of ['Thanksgiving break', 'Winter break', 'Spring break', 'Labor Day', 'Martin Luther King Jr. Day']) {
          expect(reasons.filter((found) => found === reason)).toHaveLength(2);
        }
        const thanksgiving = demo.school_closure.filter((closure) => closure.reason === 'Thanksgiving break');
        for (const closure of thanksgiving) expect(new Date(`${closure.start_date as string}T00:00:00Z`).getUTCDay()).toBe(4);
        expect(demo.school_closure.filter((closure) => closure.school_id !== null)).toHaveLength(2);
        const closed = (date: string, school: unknown) =>
          demo.school_closure.some(
            (closure) =>
              (closure.school_id === null || closure.school_id === school) &&
              (closure.start_date as string) <= date &&
              date <= (closure.end_date as string),
          );
        const inSession = (date: string) =>
          demo.school_year.some((year) => (year.first_day as string) <= date && date <= (year.last_day as string));
        const misplaced = demo.activity.filter(
          (activity) => !inSession(activity.date as string) || closed(activity.date as string, activity.school_id),
        );
        expect(misplaced).toEqual([]);
      });

      it('has the staffing situations the reports show', () => {
        const today30 = addDays(today, 30);
        expect(demo.assignment.some((assignment) => assignment.role === 'BACKUP')).toBe(true);
        expect(demo.assignment.some((assignment) => assignment.role === 'SECONDARY')).toBe(true);
        expect(
          demo.assignment.some(
            (assignment) =>
              assignment.end_date !== null && today <= (assignment.end_date as string) && (assignment.end_date as string) <= today30,
          ),
        ).toBe(true);
        // Leave is an open absence, not a status (migration officer_absence).
        expect(demo.officer.filter((officer) => officer.status === 'ON_LEAVE')).toHaveLength(0);
        const onLeave = demo.officer_absence.filter((absence) => absence.reason === 'LEAVE' && absence.end_date === null);
        expect(onLeave).toHaveLength(1);
        expect(onLeave[0].start_date as string).toBe(addDays(today, -24));
        const unassigned = demo.officer.filter(
          (officer) =>
            officer.status === 'ACTIVE' &&
            !demo.officer_absence.some((absence) => absence.officer_id === officer.id) &&
            !demo.assignment.some((assignment) => assignment.officer_id === officer.id && onDate(assignment, today)),
        );
        expect(unassigned.length).toBeGreaterThan(0);
        const split = demo.officer.filter((officer) => {
          const shares = demo.assignment
            .filter((assignment) => assignment.officer_id === officer.id && onDate(assignment, today))
            .map((assignment) => Number(assignment.fte));
          return shares.length === 2 && shares.every((share) => share === 0.5);
        });
        expect(split.length).toBeGreaterThan(0);
      });

      it('logs activities only where and when the officer is assigned, with topics only for lessons', () => {
        const assignmentsOf = new Map<unknown, Row[]>();
        for (const assignment of demo.assignment)
          assignmentsOf.set(assignment.officer_id, [...(assignmentsOf.get(assignment.officer_id) ?? []), assignment]);
        const misplaced = demo.activity.filter((activity) => {
          const held = (assignmentsOf.get(activity.officer_id) ?? []).filter((assignment) => onDate(assignment, activity.date as string));
          if (activity.school_id === null) return activity.category !== 'TRAINING' || held.length === 0;
          return !held.some((assignment) => assignment.school_id === activity.school_id);
        });
        expect(misplaced).toEqual([]);

        expect(demo.activity.filter((activity) => activity.topic !== null && activity.category !== 'CLASSROOM_INSTRUCTION')).toEqual([]);
        expect(demo.activity.filter((activity) => activity.topic === null && activity.category === 'CLASSROOM_INSTRUCTION')).toEqual([]);

        const dates = demo.activity.map((activity) => activity.date as string);
        expect(dates.every((date) => dataFrom <= date && date <= today)).toBe(true);
        expect(dates.some((date) => date < firstDataBefore)).toBe(true);
        const weekend = dates.filter((date) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay()));
        expect(weekend).toEqual([]);
        const categories = new Set(demo.activity.map((activity) => activity.category));
        expect(categories.size).toBe(13);
      });
    },
  );
});
