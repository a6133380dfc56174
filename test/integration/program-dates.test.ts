import { Role } from '../../server/src/common/actor';
import { addDays } from '../../server/src/common/dates';
import { TestApp } from '../support/app';
import { Factory } from '../support/factories';

/** The program's dates: an officer's last day, a school's last day, and staffing on a date as it was then. */
describe('program dates', () => {
  let app: TestApp;
  let factory: Factory;
  let admin: string;
  let today: string;

  beforeAll(async () => {
    app = await TestApp.start();
    factory = new Factory(app.orm);
    admin = (await factory.user(Role.ADMIN)).token;
    today = (await app.query(`query { staffingReport { date } }`, {}, admin)).staffingReport.date;
  });
  afterAll(() => app.stop());

  const staffing = async (agencyId: number, date: string) =>
    (
      await app.query(
        `query($date: Date, $filter: StaffingFilter) { staffingReport(date: $date, filter: $filter) {
           totals { activeOfficers assignedOfficers unassignedOfficers totalFte } unassignedOfficers { id } } }`,
        { date, filter: { agencyId: String(agencyId) } },
        admin,
      )
    ).staffingReport;
  const audited = async (entityType: string, entityId: number | string) =>
    (
      await app.query(
        `query($filter: AuditEventFilter) { auditEvents(filter: $filter) { items { action changes } } }`,
        { filter: { entityType, entityId: String(entityId) } },
        admin,
      )
    ).auditEvents.items as { action: string; changes: Record<string, { before: unknown; after: unknown }> | null }[];

  it('staffing on a past date does not count an officer created afterwards, and an absent officer is neither active nor unassigned', async () => {
    const agency = await factory.agency();
    const officer = await factory.officer(agency);
    expect((await staffing(agency.id, addDays(today, -1))).totals.activeOfficers).toBe(0);
    const now = await staffing(agency.id, today);
    expect(now.totals.activeOfficers).toBe(1);
    expect(now.unassignedOfficers).toEqual([{ id: String(officer.id) }]);

    await app.query(
      `mutation($input: CreateOfficerAbsenceInput!) { createOfficerAbsence(input: $input) { id } }`,
      { input: { officerId: String(officer.id), startDate: today, endDate: today, reason: 'TRAINING' } },
      admin,
    );
    const away = await staffing(agency.id, today);
    expect(away.totals).toMatchObject({ activeOfficers: 0, unassignedOfficers: 0 });
    expect(away.unassignedOfficers).toEqual([]);
  });

  it("endOfficerService ends the officer's open assignments on its last day in the same transaction, audited, and lists them", async () => {
    const agency = await factory.agency();
    const officer = await factory.officer(agency);
    const lastDay = addDays(today, -10);
    const open = await factory.assignment(officer, await factory.school(), { startDate: addDays(today, -100), fte: 0.5 });
    const later = await factory.assignment(officer, await factory.school(), {
      startDate: addDays(today, -5),
      endDate: addDays(today, 30),
      role: 'SECONDARY' as never,
      fte: 0.2,
    });
    const over = await factory.assignment(officer, await factory.school(), {
      startDate: addDays(today, -200),
      endDate: addDays(today, -150),
      fte: 0.2,
    });
    const chief = (await factory.user(Role.AGENCY_CHIEF, { agency })).token;
    const mutation = `mutation($id: ID!, $input: EndOfficerServiceInput!) { endOfficerService(id: $id, input: $input) {
      officer { id leftProgramOn status } endedAssignments { id endDate } cancelledAssignmentIds } }`;
    const variables = { id: String(officer.id), input: { leftProgramOn: lastDay } };
    expect((await app.graphql(mutation, variables, chief)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await staffing(agency.id, today)).totals.activeOfficers).toBe(1);
    const { endOfficerService } = await app.query(mutation, variables, admin);
    expect(endOfficerService).toEqual({
      officer: { id: String(officer.id), leftProgramOn: lastDay, status: 'INACTIVE' },
      endedAssignments: [{ id: String(open.id), endDate: lastDay }],
      cancelledAssignmentIds: [String(later.id)],
    });
    expect((await audited('Assignment', open.id)).at(-1)).toMatchObject({
      action: 'update',
      changes: { endDate: { before: null, after: lastDay } },
    });
    expect((await audited('Assignment', later.id)).at(-1)).toMatchObject({ action: 'delete' });
    expect(await audited('Assignment', over.id)).toEqual([]);
    // Inactive after its last day (created today, it was never counted before).
    expect((await staffing(agency.id, today)).totals.activeOfficers).toBe(0);

    // The database keeps assignments within the service, whoever writes.
    const refused = await app.graphql(
      `mutation($input: CreateAssignmentInput!) { createAssignment(input: $input) { id } }`,
      {
        input: {
          officerId: String(officer.id),
          schoolId: String((await factory.school()).id),
          role: 'BACKUP',
          fte: 0.1,
          startDate: addDays(lastDay, -20),
          endDate: addDays(lastDay, 1),
        },
      },
      admin,
    );
    expect(refused.errors?.[0].extensions?.code).toBeDefined();
    const [{ count }] = await app.orm.em
      .fork()
      .getConnection()
      .execute(`select count(*)::int as count from assignment where officer_id = ? and (end_date is null or end_date > ?)`, [
        officer.id,
        lastDay,
      ]);
    expect(count).toBe(0);
  });

  it('deactivateSchool ends its open assignments on that day in the same transaction, audited, and lists them', async () => {
    const agency = await factory.agency();
    const school = await factory.school();
    const lastDay = addDays(today, 3);
    const open = await factory.assignment(await factory.officer(agency), school, { startDate: addDays(today, -60), fte: 0.5 });
    const ending = await factory.assignment(await factory.officer(agency), school, {
      startDate: addDays(today, -60),
      endDate: addDays(today, 60),
      role: 'SECONDARY' as never,
      fte: 0.5,
    });
    const future = await factory.assignment(await factory.officer(agency), school, {
      startDate: addDays(today, 10),
      role: 'BACKUP' as never,
      fte: 0.5,
    });
    const chief = (await factory.user(Role.AGENCY_CHIEF, { agency })).token;
    const mutation = `mutation($id: ID!, $input: DeactivateSchoolInput!) { deactivateSchool(id: $id, input: $input) {
      school { id active deactivatedOn } endedAssignments { id endDate } cancelledAssignmentIds } }`;
    const variables = { id: String(school.id), input: { effectiveDate: lastDay } };
    expect((await app.graphql(mutation, variables, chief)).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const { deactivateSchool } = await app.query(mutation, variables, admin);
    expect(deactivateSchool).toEqual({
      school: { id: String(school.id), active: false, deactivatedOn: lastDay },
      endedAssignments: [
        { id: String(open.id), endDate: lastDay },
        { id: String(ending.id), endDate: lastDay },
      ],
      cancelledAssignmentIds: [String(future.id)],
    });
    expect((await audited('School', school.id)).at(-1)).toMatchObject({
      action: 'update',
      changes: { active: { before: true, after: false } },
    });
    expect((await audited('Assignment', ending.id)).at(-1)).toMatchObject({
      action: 'update',
      changes: { endDate: { before: addDays(today, 60), after: lastDay } },
    });
    // Staffing until its last day still counts the school's assignments.
    expect((await staffing(agency.id, today)).totals.totalFte).toBe(1);
    expect((await staffing(agency.id, addDays(lastDay, 1))).totals.totalFte).toBe(0);
  });
});
