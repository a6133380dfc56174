import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Role, type Actor } from '../../server/src/common/actor';
import { RequestContext } from '../../server/src/common/context';
import { enterRowSecurity } from '../../server/src/common/row-security';
import { seedDemo } from '../../server/src/db/seed/demo';
import { activityReport } from '../../server/src/modules/report/activity-report.service';
import type { ActivityPeriodReport } from '../../server/src/modules/report/activity-report.types';
import { coverageReport } from '../../server/src/modules/report/coverage-report.service';
import { PeriodPreset } from '../../server/src/modules/report/periods';
import { staffingReport } from '../../server/src/modules/report/staffing-report.service';
import { openTestDatabase } from '../support/database';
import { expectedActivity, expectReport, type Json } from './reports-activity-expected';
import { activeOn, expectedCoverage, expectedStaffing, readRows, sum } from './reports-expected';

const TODAY = '2026-11-27';
const SCHOOL_DAY = '2026-11-24';
const SETTINGS = { programYearStartMonth: 7, smallCells: { minOfficers: 3, minActivities: 10 } };
class RollBack extends Error {}

const actor = (role: Role, agencyId: number | null = null): Actor => ({
  userId: 0,
  role,
  agencyId,
  officerId: null,
  label: 'reports-demo test',
});
const contextFor = (em: EntityManager, who: Actor) =>
  new RequestContext(em, who, 'reports-demo', TODAY, '127.0.0.1', { token: undefined, set() {}, clear() {} });

/** A period's figures as a GraphQL client would see them: related records reduced to their ids. */
async function answerOf(part: ActivityPeriodReport): Promise<Json> {
  const ids = (value: unknown) =>
    JSON.parse(
      JSON.stringify(value, (key, inner) => (['agency', 'school', 'officer'].includes(key) && inner ? { id: String(inner.id) } : inner)),
    );
  return {
    period: part.period,
    totals: await part.totals(),
    byCategory: await part.byCategory(),
    byTopic: await part.byTopic(),
    byAgency: ids(await part.byAgency()),
    bySchool: ids(await part.bySchool()),
    byOfficer: ids(await part.byOfficer()),
    series: await part.series(),
  };
}

/**
 * The "done when", on the demo program, seeded in a transaction that is rolled back afterwards so that
 * the shared database is left as it was. The services run on that transaction directly (the HTTP path is what
 * the other reports-* tests cover), a chief under row-level security as /graphql runs it.
 */
describe('reports on the demo program', () => {
  let orm: MikroORM;

  beforeAll(async () => {
    orm = await openTestDatabase();
  });
  afterAll(() => orm.close());

  it('lists uncovered and partial schools, sums the quarter, and shows a chief its officers one by one', async () => {
    const run = orm.em.fork().transactional(async (em) => {
      const [{ last, lastAgency }] = await em.execute<{ last: number; lastAgency: number }[]>(
        'select (select coalesce(max(id), 0) from school)::int as last, (select coalesce(max(id), 0) from agency)::int as "lastAgency"',
      );
      await seedDemo(em, { today: TODAY, ...SETTINGS });
      const rows = await readRows(em);
      const admin = contextFor(em, actor(Role.ADMIN));

      // The demo's today is the Friday after Thanksgiving: no school anywhere (its calendar, demo-calendar.ts).
      const holiday = await coverageReport(admin, undefined, {});
      expect(holiday.date).toBe(TODAY);
      const demoSchools = rows.schools.filter((school) => school.id > last);
      const holidayStatus = new Map(holiday.schools.map((entry) => [entry.school.id, entry.status]));
      expect(new Set(demoSchools.map((school) => holidayStatus.get(school.id)))).toEqual(new Set(['NO_SCHOOL']));

      // The Tuesday of that week is a school day.
      const coverage = await coverageReport(admin, SCHOOL_DAY, {});
      const statusOf = new Map(coverage.schools.map((entry) => [entry.school.id, entry.status]));
      for (const school of demoSchools) {
        const held = rows.assignments.filter((assignment) => assignment.school_id === school.id && activeOn(assignment, SCHOOL_DAY));
        const expected = held.some((assignment) => assignment.role === 'PRIMARY') ? 'COVERED' : held.length ? 'PARTIAL' : 'UNCOVERED';
        expect({ school: school.name, status: statusOf.get(school.id) }).toEqual({ school: school.name, status: expected });
      }
      expect(demoSchools.filter((school) => statusOf.get(school.id) === 'UNCOVERED').length).toBeGreaterThan(0);
      expect(coverage.summary.byStatus).toEqual(expectedCoverage(rows, SCHOOL_DAY).summary.byStatus);

      // The quarter that contains the demo's today: Q2 of program year 2026, October to December.
      const quarter = activityReport(admin, { preset: PeriodPreset.CURRENT_QUARTER }, SETTINGS);
      expect(quarter.period).toMatchObject({ from: '2026-10-01', to: '2026-12-31', label: 'Q2 2026-27' });
      const inQuarter = rows.activities.filter((activity) => '2026-10-01' <= activity.date && activity.date <= '2026-12-31');
      expect(inQuarter.length).toBeGreaterThan(500);
      expect(await quarter.totals()).toMatchObject({
        activities: inQuarter.length,
        minutes: sum(inQuarter.map((activity) => activity.duration_minutes)),
        studentsReached: sum(inQuarter.map((activity) => activity.students_reached)),
        staffReached: sum(inQuarter.map((activity) => activity.staff_reached)),
      });

      const staffing = await staffingReport(admin, undefined, {});
      const expectedStaff = expectedStaffing(rows, TODAY);
      expect(staffing.totals).toMatchObject({
        activeOfficers: expectedStaff.totals.activeOfficers,
        assignmentsEnding: expectedStaff.totals.assignmentsEnding,
      });
      expect(staffing.unassignedOfficers.map((officer) => officer.id).sort()).toEqual([...expectedStaff.unassignedIds].sort());

      // A chief of the demo agency with the most activities in the quarter, under row-level security.
      const [{ id: police }] = await em.execute<{ id: number }[]>(
        `select o.agency_id as id from activity a join officer o on o.id = a.officer_id
          where o.agency_id > ? and a.date between '2026-10-01' and '2026-12-31' group by o.agency_id order by count(*) desc, o.agency_id limit 1`,
        [lastAgency],
      );
      const chief = actor(Role.AGENCY_CHIEF, police);
      await enterRowSecurity(em, chief);
      const report = activityReport(contextFor(em, chief), { preset: PeriodPreset.CURRENT_QUARTER }, SETTINGS);
      const answer: Json = { ...(await answerOf(report)), previous: await answerOf(report.previous()), change: await report.change() };
      expectReport(answer, expectedActivity(rows, '2026-10-01', '2026-12-31', {}, { agencyId: police }));
      const own = new Set(rows.officers.filter((officer) => officer.agency_id === police).map((officer) => String(officer.id)));
      expect(answer.byOfficer.length).toBeGreaterThan(1);
      expect(answer.byOfficer.every((entry: Json) => own.has(entry.officer.id))).toBe(true);
      expect(answer.byAgency.length).toBeGreaterThan(1);
      throw new RollBack();
    });
    // Anything but the deliberate roll-back is a failure, shown as it is.
    await run.catch((error: unknown) => {
      if (!(error instanceof RollBack)) throw error;
    });
  });
});
