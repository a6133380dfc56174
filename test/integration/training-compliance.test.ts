import { Role } from '../../server/src/common/actor';
import type { Agency } from '../../server/src/modules/agency/agency.entity';
import type { Officer } from '../../server/src/modules/officer/officer.entity';
import { TestApp } from '../support/app';
import { Factory } from '../support/factories';

/**
 * trainingComplianceReport: the example, the other rules, who reads what, and the whole report against an
 * independent SQL computation of the same rules.
 */
describe('training compliance report', () => {
  let app: TestApp;
  let factory: Factory;
  let admin: string;
  let analyst: string;
  let agency: Agency;
  let otherAgency: Agency;
  let chief: string;
  const ids: Record<string, string> = {};

  const unique = (name: string) => `${name} ${Date.now()}-${Math.random()}`;
  const mutate = async (name: string, input: Record<string, unknown>) =>
    (await app.query(`mutation($input: Create${name}Input!) { create${name}(input: $input) { id } }`, { input }, admin))[`create${name}`]
      .id as string;
  const record = (officer: Officer, courseId: string, completedOn: string, extra: Record<string, unknown> = {}) =>
    mutate('TrainingRecord', { officerId: String(officer.id), courseId, completedOn, ...extra });
  const report = async (date: string, filter: Record<string, unknown> = {}, token = admin) =>
    (
      await app.query(
        `query($date: Date, $filter: TrainingComplianceFilter) { trainingComplianceReport(date: $date, filter: $filter) {
          date dueSoonDays rows { officerId agencyId requirementId status reason dueDate }
          agencies { agencyId officers compliant share } lapsing { officerId requirementId dueDate } csv } }`,
        { date, filter },
        token,
      )
    ).trainingComplianceReport;

  beforeAll(async () => {
    app = await TestApp.start();
    factory = new Factory(app.orm);
    admin = (await factory.user(Role.ADMIN)).token;
    analyst = (await factory.user(Role.ANALYST)).token;
    agency = await factory.agency();
    otherAgency = await factory.agency();
    chief = (await factory.user(Role.AGENCY_CHIEF, { agency })).token;
    ids.basic = await mutate('TrainingCourse', { name: unique('Basic'), hours: 40, kind: 'SRO_BASIC' });
    ids.inService = await mutate('TrainingCourse', { name: unique('In-service'), hours: 8, kind: 'IN_SERVICE' });
    ids.cpr = await mutate('TrainingCourse', { name: unique('CPR'), hours: 4, kind: 'CERTIFICATE', validityMonths: 24 });
    ids.basicRule = await mutate('TrainingRequirement', {
      name: unique('Basic within 12 months'),
      appliesTo: 'EVERY_SRO',
      rule: 'COURSE_BEFORE_OR_WITHIN',
      courseKind: 'SRO_BASIC',
      withinMonths: 12,
    });
    ids.hoursRule = await mutate('TrainingRequirement', {
      name: unique('16 hours'),
      appliesTo: 'PRIMARY_ONLY',
      rule: 'IN_SERVICE_HOURS_PER_PROGRAM_YEAR',
      hours: 16,
    });
    ids.cprRule = await mutate('TrainingRequirement', {
      name: unique('CPR current'),
      appliesTo: 'RANKS',
      ranks: ['SERGEANT'],
      rule: 'CERTIFICATE_CURRENT',
      courseId: ids.cpr,
    });
  });
  afterAll(() => app.stop());

  const statusOf = async (officer: Officer, requirementId: string, date: string) => {
    const rows = (await report(date, { officerId: String(officer.id), requirementId })).rows;
    expect(rows).toHaveLength(1);
    return rows[0] as { status: string; dueDate: string | null; reason: string };
  };

  it("the issue's example: assigned on 2026-01-05 without the basic course, DUE_SOON from 60 days before 2027-01-05, NON_COMPLIANT after it", async () => {
    const officer = await factory.officer(agency);
    await factory.assignment(officer, await factory.school(), { startDate: '2026-01-05', endDate: null });
    expect(await statusOf(officer, ids.basicRule, '2026-11-05')).toMatchObject({ status: 'COMPLIANT', dueDate: '2027-01-05' });
    expect(await statusOf(officer, ids.basicRule, '2026-11-06')).toMatchObject({ status: 'DUE_SOON', dueDate: '2027-01-05' });
    expect(await statusOf(officer, ids.basicRule, '2027-01-05')).toMatchObject({ status: 'DUE_SOON', dueDate: '2027-01-05' });
    const late = await statusOf(officer, ids.basicRule, '2027-01-06');
    expect(late).toMatchObject({ status: 'NON_COMPLIANT', dueDate: '2027-01-05' });
    expect(late.reason).toContain('SRO_BASIC');
    // Completing the course makes it COMPLIANT from that day on.
    await record(officer, ids.basic, '2027-02-01');
    expect((await statusOf(officer, ids.basicRule, '2027-01-31')).status).toBe('NON_COMPLIANT');
    expect(await statusOf(officer, ids.basicRule, '2027-02-01')).toMatchObject({ status: 'COMPLIANT', dueDate: null });
  });

  it('in-service hours per program year (PRIMARY only) and a current certificate (sergeants only)', async () => {
    const sergeant = await factory.officer(agency, { rank: 'SERGEANT' as never });
    await factory.assignment(sergeant, await factory.school(), { startDate: '2025-06-01', endDate: null });
    // Last program year (2025-07-01 to 2026-06-30): 8 of 16 hours, served it whole: NON_COMPLIANT now.
    await record(sergeant, ids.inService, '2025-09-01');
    expect(await statusOf(sergeant, ids.hoursRule, '2026-09-01')).toMatchObject({ status: 'NON_COMPLIANT', dueDate: '2026-06-30' });
    // In the last program year itself, with 8 hours: due by its end, DUE_SOON in its last 60 days.
    expect(await statusOf(sergeant, ids.hoursRule, '2026-03-01')).toMatchObject({ status: 'COMPLIANT', dueDate: '2026-06-30' });
    expect(await statusOf(sergeant, ids.hoursRule, '2026-05-15')).toMatchObject({ status: 'DUE_SOON', dueDate: '2026-06-30' });
    await record(sergeant, ids.inService, '2026-05-20');
    expect(await statusOf(sergeant, ids.hoursRule, '2026-05-20')).toMatchObject({ status: 'COMPLIANT', dueDate: null });

    expect(await statusOf(sergeant, ids.cprRule, '2026-01-01')).toMatchObject({ status: 'NON_COMPLIANT', dueDate: '2025-06-01' });
    await record(sergeant, ids.cpr, '2025-01-10'); // expires 2027-01-10
    expect(await statusOf(sergeant, ids.cprRule, '2026-01-01')).toMatchObject({ status: 'COMPLIANT', dueDate: '2027-01-10' });
    expect(await statusOf(sergeant, ids.cprRule, '2026-11-11')).toMatchObject({ status: 'DUE_SOON', dueDate: '2027-01-10' });
    expect(await statusOf(sergeant, ids.cprRule, '2027-01-11')).toMatchObject({ status: 'NON_COMPLIANT', dueDate: '2027-01-10' });
    const lapsing = (await report('2026-10-20', { officerId: String(sergeant.id) })).lapsing;
    expect(lapsing).toContainEqual({ officerId: String(sergeant.id), requirementId: ids.cprRule, dueDate: '2027-01-10' });

    // An officer of another rank on a SECONDARY assignment only: neither rule applies.
    const support = await factory.officer(agency);
    await factory.assignment(support, await factory.school(), {
      startDate: '2026-01-05',
      endDate: null,
      role: 'SECONDARY' as never,
      fte: 0.5,
    });
    const rows = (await report('2026-03-01', { officerId: String(support.id) })).rows.map(
      (row: { requirementId: string }) => row.requirementId,
    );
    expect(rows).toContain(ids.basicRule);
    expect(rows).not.toContain(ids.hoursRule);
    expect(rows).not.toContain(ids.cprRule);
  });

  it('scopes rows to the actor; a chief reads every agency share, an officer none', async () => {
    const own = await factory.officer(agency);
    const other = await factory.officer(otherAgency);
    for (const officer of [own, other])
      await factory.assignment(officer, await factory.school(), { startDate: '2026-01-05', endDate: null });
    const officerToken = (await factory.user(Role.OFFICER, { agency, officer: own })).token;
    const seen = async (token: string) => {
      const result = await report('2026-03-01', {}, token);
      const officers = new Set(result.rows.map((row: { officerId: string }) => row.officerId));
      return {
        own: officers.has(String(own.id)),
        other: officers.has(String(other.id)),
        shares: result.agencies.map((share: { agencyId: string }) => share.agencyId),
      };
    };
    expect(await seen(admin)).toMatchObject({ own: true, other: true });
    expect(await seen(analyst)).toMatchObject({ own: true, other: true });
    const chiefView = await seen(chief);
    expect(chiefView).toMatchObject({ own: true, other: false });
    expect(chiefView.shares).toContain(String(otherAgency.id));
    expect(await seen(officerToken)).toEqual({ own: true, other: false, shares: [] });
  });

  it('answers trainingWarnings on createAssignment for a lapsed officer, and none for a compliant one', async () => {
    const assign = (officer: Officer, schoolId: number, token = admin) =>
      app.graphql(
        `mutation($input: CreateAssignmentInput!) { createAssignment(input: $input) { id trainingWarnings } }`,
        {
          input: {
            officerId: String(officer.id),
            schoolId: String(schoolId),
            role: 'SECONDARY',
            startDate: '2027-03-01',
            endDate: '2027-06-01',
            fte: 0.2,
          },
        },
        token,
      );
    const lapsed = await factory.officer(agency);
    await factory.assignment(lapsed, await factory.school(), { startDate: '2025-09-01', endDate: null, fte: 0.5 });
    const warned = await assign(lapsed, (await factory.school()).id);
    expect(warned.errors).toBeUndefined();
    const warnings = warned.data!.createAssignment.trainingWarnings as string[];
    expect(warnings.some((warning) => warning.includes('SRO_BASIC') && warning.includes('2026-09-01'))).toBe(true);
    // Another agency's chief reads the assignment but not the officer's training.
    const outsider = (await factory.user(Role.AGENCY_CHIEF, { agency: otherAgency })).token;
    const seen = await app.query(
      `query($id: ID!) { assignment(id: $id) { trainingWarnings } }`,
      { id: warned.data!.createAssignment.id },
      outsider,
    );
    expect(seen.assignment?.trainingWarnings ?? []).toEqual([]);

    const trained = await factory.officer(agency);
    await factory.assignment(trained, await factory.school(), { startDate: '2025-09-01', endDate: null, fte: 0.5 });
    await record(trained, ids.basic, '2025-10-01');
    const clean = await assign(trained, (await factory.school()).id);
    const basicWarnings = (clean.data!.createAssignment.trainingWarnings as string[]).filter((warning) => warning.includes('SRO_BASIC'));
    expect(basicWarnings).toEqual([]);
  });

  it('answers CSV with a header and one line per row', async () => {
    const result = await report('2026-03-01', { requirementId: ids.basicRule });
    const lines = result.csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('officer_id,officer,agency_id,agency,requirement_id,requirement,status,reason,due_date');
    expect(lines).toHaveLength(result.rows.length + 1);
  });

  it('matches an independent SQL computation of the rules on several dates', async () => {
    for (const date of ['2025-12-31', '2026-03-01', '2026-11-06', '2027-01-06', '2027-07-15']) {
      const api = await report(date);
      const fromApi = api.rows
        .map(
          (row: { officerId: string; requirementId: string; status: string; dueDate: string | null }) =>
            `${row.officerId}/${row.requirementId}/${row.status}/${row.dueDate}`,
        )
        .sort();
      const expected = (
        (await app.orm.em.fork().getConnection().execute(INDEPENDENT, [date, date, date, date, date])) as {
          officer_id: number;
          requirement_id: number;
          status: string;
          due_date: string | null;
        }[]
      )
        .map(
          (row: { officer_id: number; requirement_id: number; status: string; due_date: string | null }) =>
            `${row.officer_id}/${row.requirement_id}/${row.status}/${row.due_date}`,
        )
        .sort();
      expect(fromApi.length).toBeGreaterThan(0);
      expect(fromApi).toEqual(expected);
      // Shares: officers with no NON_COMPLIANT row over officers with a row, per agency.
      for (const share of api.agencies as { agencyId: string; officers: number; compliant: number }[]) {
        const rows = api.rows.filter((row: { agencyId: string }) => row.agencyId === share.agencyId);
        const officers = new Set(rows.map((row: { officerId: string }) => row.officerId));
        const failing = new Set(
          rows.filter((row: { status: string }) => row.status === 'NON_COMPLIANT').map((row: { officerId: string }) => row.officerId),
        );
        expect(share).toMatchObject({ officers: officers.size, compliant: officers.size - failing.size });
      }
    }
  });
});

/**
 * The same rules written another way: each rule its own query over the officers assigned on the date (program year
 * from July 1, DUE_SOON within 60 days), with a CASE per rule. Five `?`, all the date.
 */
const INDEPENDENT = `
with d as (select ?::date as day),
py as (select case when extract(month from day) >= 7 then make_date(extract(year from day)::int, 7, 1) else make_date(extract(year from day)::int - 1, 7, 1) end as start from d),
on_duty as (
  select o.id, o.rank, bool_or(a.role = 'PRIMARY') as is_primary, (select min(x.start_date) from assignment x where x.officer_id = o.id) as first_start
    from officer o join assignment a on a.officer_id = o.id, d
   where daterange(a.start_date, a.end_date, '[]') @> d.day group by o.id, o.rank),
applies as (
  select on_duty.*, r.rule, r.course_kind, r.within_months, r.hours, r.course_id, r.id as rid from on_duty join training_requirement r on r.active
   where r.applies_to = 'EVERY_SRO' or (r.applies_to = 'PRIMARY_ONLY' and on_duty.is_primary) or (r.applies_to = 'RANKS' and on_duty.rank = any(r.ranks)))
select ap.id as officer_id, ap.rid as requirement_id,
  case when exists (select 1 from training_record t join training_course c on c.id = t.course_id where t.officer_id = ap.id and c.kind = ap.course_kind and t.completed_on <= ?::date) then 'COMPLIANT'
       when ?::date > (ap.first_start + (ap.within_months || ' months')::interval)::date then 'NON_COMPLIANT'
       when (ap.first_start + (ap.within_months || ' months')::interval)::date - ?::date <= 60 then 'DUE_SOON' else 'COMPLIANT' end as status,
  case when exists (select 1 from training_record t join training_course c on c.id = t.course_id where t.officer_id = ap.id and c.kind = ap.course_kind and t.completed_on <= ?::date) then null
       else to_char((ap.first_start + (ap.within_months || ' months')::interval)::date, 'YYYY-MM-DD') end as due_date
  from applies ap where ap.rule = 'COURSE_BEFORE_OR_WITHIN'
union all
select ap.id, ap.rid, v.status, v.due
  from applies ap, py, d,
  lateral (select
    coalesce((select sum(t.hours_credited) from training_record t join training_course c on c.id = t.course_id where t.officer_id = ap.id and c.kind = 'IN_SERVICE' and t.completed_on >= py.start and t.completed_on <= d.day), 0) as now_hours,
    coalesce((select sum(t.hours_credited) from training_record t join training_course c on c.id = t.course_id where t.officer_id = ap.id and c.kind = 'IN_SERVICE' and t.completed_on >= (py.start - interval '1 year') and t.completed_on < py.start), 0) as before_hours,
    ap.first_start <= (py.start - interval '1 year')::date and exists (select 1 from assignment a where a.officer_id = ap.id and daterange(a.start_date, a.end_date, '[]') @> (py.start - 1)) as whole_year) h,
  lateral (select case when h.whole_year and h.before_hours < ap.hours then 'NON_COMPLIANT'
                       when h.now_hours >= ap.hours then 'COMPLIANT'
                       when (py.start + interval '1 year')::date - 1 - d.day <= 60 then 'DUE_SOON' else 'COMPLIANT' end as status,
                  case when h.whole_year and h.before_hours < ap.hours then to_char(py.start - 1, 'YYYY-MM-DD')
                       when h.now_hours >= ap.hours then null else to_char((py.start + interval '1 year')::date - 1, 'YYYY-MM-DD') end as due) v
 where ap.rule = 'IN_SERVICE_HOURS_PER_PROGRAM_YEAR'
union all
select ap.id, ap.rid, v.status, v.due
  from applies ap, d,
  lateral (select bool_or(t.expires_on is null) as forever, max(t.expires_on) as last_expiry, count(*) as held
             from training_record t where t.officer_id = ap.id and t.course_id = ap.course_id and t.completed_on <= d.day) c,
  lateral (select case when c.held = 0 then 'NON_COMPLIANT' when c.forever then 'COMPLIANT' when c.last_expiry < d.day then 'NON_COMPLIANT'
                       when c.last_expiry - d.day <= 60 then 'DUE_SOON' else 'COMPLIANT' end as status,
                  case when c.held = 0 then to_char(ap.first_start, 'YYYY-MM-DD') when c.forever then null else to_char(c.last_expiry, 'YYYY-MM-DD') end as due) v
 where ap.rule = 'CERTIFICATE_CURRENT'
`;
