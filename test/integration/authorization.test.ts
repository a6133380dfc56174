import { buildSchema, GraphQLObjectType } from 'graphql';
import fs from 'node:fs';
import path from 'node:path';
import { Role } from '../../server/src/common/actor';
import { activityPolicy } from '../../server/src/modules/activity/activity.policy';
import { assignmentPolicy } from '../../server/src/modules/assignment/assignment.policy';
import { hashPassword } from '../../server/src/modules/auth/passwords';
import { officerPolicy } from '../../server/src/modules/officer/officer.policy';
import { schoolPolicy } from '../../server/src/modules/school/school.policy';
import { User } from '../../server/src/modules/user/user.entity';
import { TestApp, type GraphQLResponse } from '../support/app';
import { Factory, unique } from '../support/factories';

type Caller = 'anonymous' | 'admin' | 'chiefA' | 'chiefB' | 'analyst' | 'officer';
const CALLERS: Caller[] = ['anonymous', 'admin', 'chiefA', 'chiefB', 'analyst', 'officer'];

/**
 * What a caller gets: allowed, refused (FORBIDDEN, or NOT_FOUND for what it may not even see, or BAD_USER_INPUT for
 * an input that names a row it may not see: common/crud.ts), or asked to sign in.
 */
type Outcome = 'ok' | 'denied' | 'unauthenticated';

function outcome(response: GraphQLResponse): Outcome {
  const error = response.errors?.[0];
  if (!error?.extensions.code) return 'ok';
  const code = error.extensions.code;
  if (code === 'UNAUTHENTICATED') return 'unauthenticated';
  if (code === 'FORBIDDEN' || code === 'NOT_FOUND') return 'denied';
  // Only this answer of BAD_USER_INPUT: any other bad input is a broken row, not a refusal.
  if (code === 'BAD_USER_INPUT' && / does not name an? \w+ you can see$/.test(error.message)) return 'denied';
  throw new Error(`unexpected answer: ${JSON.stringify(response.errors)}`);
}

/** Expected outcomes: anonymous is always asked to sign in unless the row says otherwise. */
const only = (...allowed: Caller[]): Record<Caller, Outcome> =>
  Object.fromEntries(
    CALLERS.map((caller) => [caller, caller === 'anonymous' ? 'unauthenticated' : allowed.includes(caller) ? 'ok' : 'denied']),
  ) as Record<Caller, Outcome>;
const SIGNED_IN: Caller[] = ['admin', 'chiefA', 'chiefB', 'analyst', 'officer'];

describe('authorization: every operation x every role', () => {
  let app: TestApp;
  let factory: Factory;
  const tokens = {} as Record<Caller, string | undefined>;
  const ids = {} as Record<string, string>;

  beforeAll(async () => {
    app = await TestApp.start();
    factory = new Factory(app.orm);
    const [agencyA, agencyB] = [await factory.agency(), await factory.agency()];
    const [officerA, officerB] = [
      await factory.officer(agencyA, { email: 'a@example.org' }),
      await factory.officer(agencyB, { email: 'b@example.org' }),
    ];
    const [schoolA, schoolB, schoolC] = [await factory.school(), await factory.school(), await factory.school()];
    const [assignmentA, assignmentB] = [
      await factory.assignment(officerA, schoolA, { startDate: '2026-08-01' }),
      await factory.assignment(officerB, schoolB, { startDate: '2026-08-01' }),
    ];
    const [activityA, activityB] = [await factory.activity(officerA, schoolA), await factory.activity(officerB, schoolB)];
    Object.assign(ids, {
      agencyA: String(agencyA.id),
      agencyB: String(agencyB.id),
      officerA: String(officerA.id),
      officerB: String(officerB.id),
      schoolA: String(schoolA.id),
      schoolB: String(schoolB.id),
      schoolC: String(schoolC.id),
      assignmentA: String(assignmentA.id),
      assignmentB: String(assignmentB.id),
      activityA: String(activityA.id),
      activityB: String(activityB.id),
    });
    // A run cut short leaves its school years behind: they would clash with this run's.
    await app.orm.em
      .fork()
      .getConnection()
      .execute(`delete from school_year where first_day between ? and ?`, [`${firstYear}-01-01`, `${firstYear + 49}-12-31`]);
    tokens.anonymous = undefined;
    tokens.admin = (await factory.user(Role.ADMIN)).token;
    tokens.chiefA = (await factory.user(Role.AGENCY_CHIEF, { agency: agencyA })).token;
    tokens.chiefB = (await factory.user(Role.AGENCY_CHIEF, { agency: agencyB })).token;
    tokens.analyst = (await factory.user(Role.ANALYST)).token;
    const officerUser = await factory.user(Role.OFFICER, { officer: officerA });
    tokens.officer = officerUser.token;
    ids.officerUser = String(officerUser.user.id);
  });
  afterAll(async () => {
    const connection = app.orm.em.fork().getConnection();
    await connection.execute(`delete from school_year where first_day between ? and ?`, [`${firstYear}-01-01`, `${firstYear + 49}-12-31`]);
    await connection.execute(`delete from school_closure where reason in ('authorization test', 'renamed')`);
    await app.stop();
  });

  const as = (caller: Caller, query: string, variables: Record<string, unknown> = {}) => app.graphql(query, variables, tokens[caller]);

  /** Fresh rows for a write, so that each caller's attempt starts from the same state. */
  const fresh = {
    agency: async () => String((await factory.agency()).id),
    school: async () => String((await factory.school()).id),
    officerOf: async (agency: 'agencyA' | 'agencyB') => String((await factory.officer({ id: Number(ids[agency]) } as never)).id),
    assignment: async () => {
      const officer = await factory.officer({ id: Number(ids.agencyA) } as never);
      return String((await factory.assignment(officer, await factory.school(), { role: 'BACKUP' as never, fte: 0.1 })).id);
    },
    activityOf: async (officer: 'officerA' | 'officerB') =>
      String((await factory.activity({ id: Number(ids[officer]) } as never, null, { date: new Date().toISOString().slice(0, 10) })).id),
    user: async () => String((await factory.user(Role.ANALYST)).user.id),
    /** An absence of a fresh officer of the agency (absences of one officer do not overlap). */
    absenceOf: async (agency: 'agencyA' | 'agencyB') => {
      const officer = await factory.officer({ id: Number(ids[agency]) } as never);
      const [row] = await app.orm.em
        .fork()
        .getConnection()
        .execute(`insert into officer_absence (officer_id, start_date, reason) values (?, '2026-10-01', 'TRAINING') returning id`, [
          officer.id,
        ]);
      return String(row.id);
    },
    /** A training course of its own (ADMIN writes the catalogue). */
    trainingCourse: async () => {
      const [row] = await app.orm.em
        .fork()
        .getConnection()
        .execute(`insert into training_course (name, hours, kind, validity_months) values (?, 4, 'CERTIFICATE', 24) returning id`, [
          unique('Course'),
        ]);
      return String(row.id);
    },
    /** A training record of a fresh officer of the agency. */
    trainingRecordOf: async (agency: 'agencyA' | 'agencyB') => {
      const officer = await factory.officer({ id: Number(ids[agency]) } as never);
      const course = await fresh.trainingCourse();
      const [row] = await app.orm.em
        .fork()
        .getConnection()
        .execute(
          `insert into training_record (officer_id, course_id, completed_on, hours_credited) values (?, ?, '2026-01-10', 4) returning id`,
          [officer.id, Number(course)],
        );
      return String(row.id);
    },
    /** An inactive requirement, so that it changes no other test's compliance report. */
    trainingRequirement: async () => {
      const [row] = await app.orm.em
        .fork()
        .getConnection()
        .execute(
          `insert into training_requirement (name, applies_to, rule, hours, active) values (?, 'EVERY_SRO', 'IN_SERVICE_HOURS_PER_PROGRAM_YEAR', 16, false) returning id`,
          [unique('Requirement')],
        );
      return String(row.id);
    },
    /** A school year of its own: school years are the district's and never overlap. */
    schoolYear: async () => {
      const year = nextYear();
      const [row] = await app.orm.em
        .fork()
        .getConnection()
        .execute(`insert into school_year (name, first_day, last_day) values (?, ?, ?) returning id`, [
          unique('Year'),
          `${year}-08-17`,
          `${year}-12-18`,
        ]);
      return String(row.id);
    },
    closure: async () => {
      const [row] = await app.orm.em
        .fork()
        .getConnection()
        .execute(
          `insert into school_closure (start_date, end_date, reason) values ('9999-01-01', '9999-01-01', 'authorization test') returning id`,
        );
      return String(row.id);
    },
    // Safety audits (issue 20): a checklist version with one item, and audits of school A (officer A's).
    template: async (published = true) => {
      const sql = (text: string, params: unknown[]) => app.orm.em.fork().getConnection().execute(text, params);
      const [template] = await sql(`insert into checklist_template (name, version_number) values (?, 1) returning id`, [
        unique('Checklist'),
      ]);
      const [item] = await sql(
        `insert into checklist_item (template_id, area, position, criterion, default_severity) values (?, 'ACCESS_CONTROL', 1, 'Doors locked', 'HIGH') returning id`,
        [template.id],
      );
      if (published) await sql(`update checklist_template set published_at = now() where id = ?`, [template.id]);
      return { templateId: String(template.id), itemId: String(item.id) };
    },
    draftAudit: async (complete = false) => {
      const sql = (text: string, params: unknown[]) => app.orm.em.fork().getConnection().execute(text, params);
      const { templateId, itemId } = await fresh.template();
      const [audit] = await sql(`insert into safety_audit (school_id, template_id, date) values (?, ?, '2026-09-15') returning id`, [
        ids.schoolA,
        templateId,
      ]);
      await sql(`insert into safety_audit_officer (audit_id, officer_id) values (?, ?)`, [audit.id, ids.officerA]);
      const [finding] = complete
        ? await sql(
            `insert into safety_audit_finding (audit_id, item_id, result, severity) values (?, ?, 'DEFICIENT', 'HIGH') returning id`,
            [audit.id, itemId],
          )
        : [{ id: null }];
      return { auditId: String(audit.id), itemId, templateId, findingId: String(finding.id) };
    },
    action: async () => {
      const { findingId } = await fresh.draftAudit(true);
      const [action] = await app.orm.em
        .fork()
        .getConnection()
        .execute(
          `insert into corrective_action (finding_id, what, owner, due_on) values (?, 'Fix it', 'SCHOOL', '2026-10-15') returning id`,
          [findingId],
        );
      return String(action.id);
    },
    // Tips (issue 21): a tip at school A with officer A assigned, entered by ADMIN, and a step officer A took on it.
    tip: async () => {
      const response = await app.query<{ createTip: { id: string } }>(
        `mutation($input: CreateTipInput!) { createTip(input: $input) { id } }`,
        {
          input: {
            referenceNumber: unique('T'),
            source: 'STOPIT',
            category: 'THREATS',
            receivedAt: new Date(Date.now() - 60_000).toISOString(),
            schoolId: ids.schoolA,
            officerIds: [ids.officerA],
          },
        },
        tokens.admin,
      );
      return response.createTip.id;
    },
    tipStep: async () => {
      const response = await app.query<{ createTipStep: { id: string } }>(
        `mutation($input: CreateTipStepInput!) { createTipStep(input: $input) { id } }`,
        { input: { tipId: await fresh.tip(), officerId: ids.officerA, kind: 'CONTACT_MADE', minutes: 5 } },
        tokens.admin,
      );
      return response.createTipStep.id;
    },
    // Agreements (issue 22): an MOU of agency A, entered by ADMIN, and a cost term of one.
    mou: async () => {
      const response = await app.query<{ createMou: { id: string } }>(
        `mutation($input: CreateMouInput!) { createMou(input: $input) { id } }`,
        { input: { agencyId: ids.agencyA, title: unique('MOU'), effectiveDate: '2026-07-01', expiryDate: '2027-06-30' } },
        tokens.admin,
      );
      return response.createMou.id;
    },
    costTerm: async () => {
      const response = await app.query<{ createMouCostTerm: { id: string } }>(
        `mutation($input: CreateMouCostTermInput!) { createMouCostTerm(input: $input) { id } }`,
        { input: { ...costTermInput, mouId: await fresh.mou() } },
        tokens.admin,
      );
      return response.createMouCostTerm.id;
    },
  };
  const costTermInput = {
    effectiveFrom: '2026-07-01',
    basis: 'HOURLY',
    instructionalSharePercent: '75',
    nonInstructionalSharePercent: '0',
    hourlyRates: [{ rank: 'OFFICER', hourlyRate: '61.68' }],
  };
  // Far from every other file's school years, one per call.
  const firstYear = 7000 + (process.pid % 50) * 50;
  let yearsUsed = 0;
  const nextYear = () => firstYear + yearsUsed++;

  /** One row per operation of the schema: how to call it, and what each caller must get. */
  const operations: Record<string, { run: (caller: Caller) => Promise<GraphQLResponse>; expected: Record<Caller, Outcome> }> = {
    agencies: { run: (c) => as(c, `{ agencies { totalCount } }`), expected: only(...SIGNED_IN) },
    agency: { run: (c) => as(c, `query($id: ID!) { agency(id: $id) { id } }`, { id: ids.agencyA }), expected: only(...SIGNED_IN) },
    officers: { run: (c) => as(c, `{ officers { totalCount } }`), expected: only(...SIGNED_IN) },
    officer: { run: (c) => as(c, `query($id: ID!) { officer(id: $id) { id } }`, { id: ids.officerA }), expected: only(...SIGNED_IN) },
    schools: { run: (c) => as(c, `{ schools { totalCount } }`), expected: only(...SIGNED_IN) },
    school: { run: (c) => as(c, `query($id: ID!) { school(id: $id) { id } }`, { id: ids.schoolA }), expected: only(...SIGNED_IN) },
    assignments: { run: (c) => as(c, `{ assignments { totalCount } }`), expected: only(...SIGNED_IN) },
    assignment: {
      run: (c) => as(c, `query($id: ID!) { assignment(id: $id) { id } }`, { id: ids.assignmentA }),
      expected: only(...SIGNED_IN),
    },
    activities: { run: (c) => as(c, `{ activities { totalCount } }`), expected: only(...SIGNED_IN) },
    activity: { run: (c) => as(c, `query($id: ID!) { activity(id: $id) { id } }`, { id: ids.activityA }), expected: only(...SIGNED_IN) },
    users: { run: (c) => as(c, `{ users { totalCount } }`), expected: only('admin') },
    user: { run: (c) => as(c, `query($id: ID!) { user(id: $id) { id } }`, { id: ids.officerUser }), expected: only('admin') },
    auditEvents: { run: (c) => as(c, `{ auditEvents { totalCount } }`), expected: only('admin') },
    apiTokens: { run: (c) => as(c, `{ apiTokens { id } }`), expected: only(...SIGNED_IN) },
    me: { run: (c) => as(c, `{ me { id } }`), expected: { ...only(...SIGNED_IN), anonymous: 'ok' } },

    createAgency: {
      run: (c) => as(c, `mutation($name: String!) { createAgency(input: { name: $name, kind: OTHER }) { id } }`, { name: unique('A') }),
      expected: only('admin'),
    },
    updateAgency: {
      run: async (c) =>
        as(c, `mutation($id: ID!) { updateAgency(id: $id, input: { version: 1, phone: "555-0199" }) { id } }`, {
          id: await fresh.agency(),
        }),
      expected: only('admin'),
    },
    updateAgencies: {
      run: async (c) =>
        as(c, `mutation($id: ID!) { updateAgencies(ids: [$id], input: { active: false }) { id } }`, { id: await fresh.agency() }),
      expected: only('admin'),
    },
    deleteAgency: {
      run: async (c) => as(c, `mutation($id: ID!) { deleteAgency(id: $id) { id } }`, { id: await fresh.agency() }),
      expected: only('admin'),
    },
    deleteAgencies: {
      run: async (c) => as(c, `mutation($id: ID!) { deleteAgencies(ids: [$id]) { id } }`, { id: await fresh.agency() }),
      expected: only('admin'),
    },

    createSchool: {
      run: (c) =>
        as(c, `mutation($name: String!) { createSchool(input: { name: $name, level: HIGH, locale: CITY, enrollment: 1 }) { id } }`, {
          name: unique('S'),
        }),
      expected: only('admin'),
    },
    updateSchool: {
      run: async (c) =>
        as(c, `mutation($id: ID!) { updateSchool(id: $id, input: { version: 1, enrollment: 2 }) { id } }`, { id: await fresh.school() }),
      expected: only('admin'),
    },
    updateSchools: {
      run: async (c) =>
        as(c, `mutation($id: ID!) { updateSchools(ids: [$id], input: { active: false }) { id } }`, { id: await fresh.school() }),
      expected: only('admin'),
    },
    deactivateSchool: {
      run: async (c) =>
        as(c, `mutation($id: ID!) { deactivateSchool(id: $id, input: { effectiveDate: "2026-09-01" }) { school { id } } }`, {
          id: await fresh.school(),
        }),
      expected: only('admin'),
    },
    deleteSchool: {
      run: async (c) => as(c, `mutation($id: ID!) { deleteSchool(id: $id) { id } }`, { id: await fresh.school() }),
      expected: only('admin'),
    },
    deleteSchools: {
      run: async (c) => as(c, `mutation($id: ID!) { deleteSchools(ids: [$id]) { id } }`, { id: await fresh.school() }),
      expected: only('admin'),
    },

    // Officers of agency A: its chief may create and update them; only ADMIN deletes.
    createOfficer: {
      run: (c) =>
        as(
          c,
          `mutation($agencyId: ID!, $badge: String!) { createOfficer(input: { agencyId: $agencyId, firstName: "N", lastName: "New", badgeNumber: $badge, rank: OFFICER }) { id } }`,
          {
            agencyId: ids.agencyA,
            badge: unique('B'),
          },
        ),
      expected: only('admin', 'chiefA'),
    },
    updateOfficer: {
      run: async (c) =>
        as(c, `mutation($id: ID!) { updateOfficer(id: $id, input: { version: 1, rank: CORPORAL }) { id } }`, {
          id: await fresh.officerOf('agencyA'),
        }),
      expected: only('admin', 'chiefA'),
    },
    updateOfficers: {
      run: async (c) =>
        as(c, `mutation($id: ID!) { updateOfficers(ids: [$id], input: { status: ON_LEAVE }) { id } }`, {
          id: await fresh.officerOf('agencyA'),
        }),
      expected: only('admin', 'chiefA'),
    },
    transferOfficer: {
      run: async (c) =>
        as(
          c,
          `mutation($id: ID!, $agencyId: ID!) { transferOfficer(id: $id, input: { agencyId: $agencyId, effectiveDate: "2026-09-01" }) { id } }`,
          {
            id: await fresh.officerOf('agencyA'),
            agencyId: ids.agencyB,
          },
        ),
      expected: only('admin'),
    },
    endOfficerService: {
      run: async (c) =>
        as(c, `mutation($id: ID!) { endOfficerService(id: $id, input: { leftProgramOn: "2026-09-01" }) { officer { id } } }`, {
          id: await fresh.officerOf('agencyA'),
        }),
      expected: only('admin'),
    },
    deleteOfficer: {
      run: async (c) => as(c, `mutation($id: ID!) { deleteOfficer(id: $id) { id } }`, { id: await fresh.officerOf('agencyA') }),
      expected: only('admin'),
    },
    deleteOfficers: {
      run: async (c) => as(c, `mutation($id: ID!) { deleteOfficers(ids: [$id]) { id } }`, { id: await fresh.officerOf('agencyA') }),
      expected: only('admin'),
    },

    createAssignment: {
      run: async (c) =>
        as(
          c,
          `mutation($officerId: ID!, $schoolId: ID!) { createAssignment(input: { officerId: $officerId, schoolId: $schoolId, role: BACKUP, startDate: "2026-09-01", fte: 0.1 }) { id } }`,
          {
            officerId: await fresh.officerOf('agencyA'),
            schoolId: ids.schoolA,
          },
        ),
      expected: only('admin'),
    },
    updateAssignment: {
      run: async (c) =>
        as(c, `mutation($id: ID!) { updateAssignment(id: $id, input: { version: 1, notes: "x" }) { id } }`, {
          id: await fresh.assignment(),
        }),
      expected: only('admin'),
    },
    updateAssignments: {
      run: async (c) =>
        as(c, `mutation($id: ID!) { updateAssignments(ids: [$id], input: { endDate: "2027-06-01" }) { id } }`, {
          id: await fresh.assignment(),
        }),
      expected: only('admin'),
    },
    deleteAssignment: {
      run: async (c) => as(c, `mutation($id: ID!) { deleteAssignment(id: $id) { id } }`, { id: await fresh.assignment() }),
      expected: only('admin'),
    },
    deleteAssignments: {
      run: async (c) => as(c, `mutation($id: ID!) { deleteAssignments(ids: [$id]) { id } }`, { id: await fresh.assignment() }),
      expected: only('admin'),
    },

    // Activities of officer A (agency A): ADMIN, A's chief and the officer itself log them; never an analyst.
    createActivity: {
      run: (c) =>
        as(
          c,
          `mutation($officerId: ID!, $date: Date!) { createActivity(input: { officerId: $officerId, date: $date, category: MENTORING, durationMinutes: 20 }) { id } }`,
          {
            officerId: ids.officerA,
            date: new Date().toISOString().slice(0, 10),
          },
        ),
      expected: only('admin', 'chiefA', 'officer'),
    },
    updateActivity: {
      run: async (c) =>
        as(c, `mutation($id: ID!) { updateActivity(id: $id, input: { version: 1, durationMinutes: 25 }) { id } }`, {
          id: await fresh.activityOf('officerA'),
        }),
      expected: only('admin', 'chiefA', 'officer'),
    },
    updateActivities: {
      run: async (c) =>
        as(c, `mutation($id: ID!) { updateActivities(ids: [$id], input: { schoolId: null }) { id } }`, {
          id: await fresh.activityOf('officerA'),
        }),
      expected: only('admin', 'chiefA', 'officer'),
    },
    deleteActivity: {
      run: async (c) => as(c, `mutation($id: ID!) { deleteActivity(id: $id) { id } }`, { id: await fresh.activityOf('officerA') }),
      expected: only('admin', 'chiefA', 'officer'),
    },
    deleteActivities: {
      run: async (c) => as(c, `mutation($id: ID!) { deleteActivities(ids: [$id]) { id } }`, { id: await fresh.activityOf('officerA') }),
      expected: only('admin', 'chiefA', 'officer'),
    },

    // Absences of agency A's officers: ADMIN and A's chief schedule them; everyone signed in reads the list.
    officerAbsences: { run: (c) => as(c, `{ officerAbsences { totalCount } }`), expected: only(...SIGNED_IN) },
    officerAbsence: {
      run: async (c) => as(c, `query($id: ID!) { officerAbsence(id: $id) { id } }`, { id: await fresh.absenceOf('agencyA') }),
      expected: only(...SIGNED_IN),
    },
    createOfficerAbsence: {
      run: async (c) =>
        as(
          c,
          `mutation($officerId: ID!) { createOfficerAbsence(input: { officerId: $officerId, startDate: "2026-10-05", reason: COURT }) { id } }`,
          {
            officerId: await fresh.officerOf('agencyA'),
          },
        ),
      expected: only('admin', 'chiefA'),
    },
    updateOfficerAbsence: {
      run: async (c) =>
        as(c, `mutation($id: ID!) { updateOfficerAbsence(id: $id, input: { version: 1, reason: SICK }) { id } }`, {
          id: await fresh.absenceOf('agencyA'),
        }),
      expected: only('admin', 'chiefA'),
    },
    updateOfficerAbsences: {
      run: async (c) =>
        as(c, `mutation($id: ID!) { updateOfficerAbsences(ids: [$id], input: { endDate: "2026-10-09" }) { id } }`, {
          id: await fresh.absenceOf('agencyA'),
        }),
      expected: only('admin', 'chiefA'),
    },
    deleteOfficerAbsence: {
      run: async (c) => as(c, `mutation($id: ID!) { deleteOfficerAbsence(id: $id) { id } }`, { id: await fresh.absenceOf('agencyA') }),
      expected: only('admin', 'chiefA'),
    },
    deleteOfficerAbsences: {
      run: async (c) => as(c, `mutation($id: ID!) { deleteOfficerAbsences(ids: [$id]) { id } }`, { id: await fresh.absenceOf('agencyA') }),
      expected: only('admin', 'chiefA'),
    },

    // Training: everyone signed in reads the catalogue, the requirements and the records it may see; ADMIN keeps the
    // catalogue and the requirements; ADMIN and the officer's own chief write its records.
    trainingCourses: { run: (c) => as(c, `{ trainingCourses { totalCount } }`), expected: only(...SIGNED_IN) },
    trainingCourse: {
      run: async (c) => as(c, `query($id: ID!) { trainingCourse(id: $id) { id } }`, { id: await fresh.trainingCourse() }),
      expected: only(...SIGNED_IN),
    },
    createTrainingCourse: {
      run: (c) =>
        as(c, `mutation($input: CreateTrainingCourseInput!) { createTrainingCourse(input: $input) { id } }`, {
          input: { name: unique('Course'), hours: 8, kind: 'OTHER' },
        }),
      expected: only('admin'),
    },
    updateTrainingCourse: {
      run: async (c) =>
        as(c, `mutation($id: ID!) { updateTrainingCourse(id: $id, input: { version: 1, hours: 5 }) { id } }`, {
          id: await fresh.trainingCourse(),
        }),
      expected: only('admin'),
    },
    updateTrainingCourses: {
      run: async (c) =>
        as(c, `mutation($id: ID!) { updateTrainingCourses(ids: [$id], input: { validityMonths: 12 }) { id } }`, {
          id: await fresh.trainingCourse(),
        }),
      expected: only('admin'),
    },
    deleteTrainingCourse: {
      run: async (c) => as(c, `mutation($id: ID!) { deleteTrainingCourse(id: $id) { id } }`, { id: await fresh.trainingCourse() }),
      expected: only('admin'),
    },
    deleteTrainingCourses: {
      run: async (c) => as(c, `mutation($id: ID!) { deleteTrainingCourses(ids: [$id]) { id } }`, { id: await fresh.trainingCourse() }),
      expected: only('admin'),
    },
    trainingRequirements: { run: (c) => as(c, `{ trainingRequirements { totalCount } }`), expected: only(...SIGNED_IN) },
    trainingRequirement: {
      run: async (c) => as(c, `query($id: ID!) { trainingRequirement(id: $id) { id } }`, { id: await fresh.trainingRequirement() }),
      expected: only(...SIGNED_IN),
    },
    createTrainingRequirement: {
      run: (c) =>
        as(c, `mutation($input: CreateTrainingRequirementInput!) { createTrainingRequirement(input: $input) { id } }`, {
          input: {
            name: unique('Requirement'),
            appliesTo: 'EVERY_SRO',
            rule: 'IN_SERVICE_HOURS_PER_PROGRAM_YEAR',
            hours: 8,
            active: false,
          },
        }),
      expected: only('admin'),
    },
    updateTrainingRequirement: {
      run: async (c) =>
        as(c, `mutation($id: ID!) { updateTrainingRequirement(id: $id, input: { version: 1, hours: 12 }) { id } }`, {
          id: await fresh.trainingRequirement(),
        }),
      expected: only('admin'),
    },
    updateTrainingRequirements: {
      run: async (c) =>
        as(c, `mutation($id: ID!) { updateTrainingRequirements(ids: [$id], input: { active: false }) { id } }`, {
          id: await fresh.trainingRequirement(),
        }),
      expected: only('admin'),
    },
    deleteTrainingRequirement: {
      run: async (c) =>
        as(c, `mutation($id: ID!) { deleteTrainingRequirement(id: $id) { id } }`, { id: await fresh.trainingRequirement() }),
      expected: only('admin'),
    },
    deleteTrainingRequirements: {
      run: async (c) =>
        as(c, `mutation($id: ID!) { deleteTrainingRequirements(ids: [$id]) { id } }`, { id: await fresh.trainingRequirement() }),
      expected: only('admin'),
    },
    trainingRecords: { run: (c) => as(c, `{ trainingRecords { totalCount } }`), expected: only(...SIGNED_IN) },
    trainingRecord: {
      run: async (c) => as(c, `query($id: ID!) { trainingRecord(id: $id) { id } }`, { id: await fresh.trainingRecordOf('agencyA') }),
      expected: only(...SIGNED_IN),
    },
    createTrainingRecord: {
      run: async (c) =>
        as(
          c,
          `mutation($officerId: ID!, $courseId: ID!) { createTrainingRecord(input: { officerId: $officerId, courseId: $courseId, completedOn: "2026-02-01" }) { id } }`,
          {
            officerId: await fresh.officerOf('agencyA'),
            courseId: await fresh.trainingCourse(),
          },
        ),
      expected: only('admin', 'chiefA'),
    },
    updateTrainingRecord: {
      run: async (c) =>
        as(c, `mutation($id: ID!) { updateTrainingRecord(id: $id, input: { version: 1, hoursCredited: 2 }) { id } }`, {
          id: await fresh.trainingRecordOf('agencyA'),
        }),
      expected: only('admin', 'chiefA'),
    },
    updateTrainingRecords: {
      run: async (c) =>
        as(c, `mutation($id: ID!) { updateTrainingRecords(ids: [$id], input: { expiresOn: "2027-01-10" }) { id } }`, {
          id: await fresh.trainingRecordOf('agencyA'),
        }),
      expected: only('admin', 'chiefA'),
    },
    deleteTrainingRecord: {
      run: async (c) =>
        as(c, `mutation($id: ID!) { deleteTrainingRecord(id: $id) { id } }`, { id: await fresh.trainingRecordOf('agencyA') }),
      expected: only('admin', 'chiefA'),
    },
    deleteTrainingRecords: {
      run: async (c) =>
        as(c, `mutation($id: ID!) { deleteTrainingRecords(ids: [$id]) { id } }`, { id: await fresh.trainingRecordOf('agencyA') }),
      expected: only('admin', 'chiefA'),
    },

    // The school calendar: everyone signed in reads it; ADMIN writes it.
    schoolYears: { run: (c) => as(c, `{ schoolYears { totalCount } }`), expected: only(...SIGNED_IN) },
    schoolYear: {
      run: async (c) => as(c, `query($id: ID!) { schoolYear(id: $id) { id } }`, { id: await fresh.schoolYear() }),
      expected: only(...SIGNED_IN),
    },
    createSchoolYear: {
      run: (c) => {
        const year = nextYear();
        return as(c, `mutation($input: CreateSchoolYearInput!) { createSchoolYear(input: $input) { id } }`, {
          input: { name: unique('Year'), firstDay: `${year}-08-17`, lastDay: `${year}-12-18` },
        });
      },
      expected: only('admin'),
    },
    updateSchoolYear: {
      run: async (c) =>
        as(c, `mutation($id: ID!) { updateSchoolYear(id: $id, input: { version: 1, name: "${unique('Renamed')}" }) { id } }`, {
          id: await fresh.schoolYear(),
        }),
      expected: only('admin'),
    },
    updateSchoolYears: {
      run: async (c) => {
        const id = await fresh.schoolYear();
        const [{ last_day: lastDay }] = await app.orm.em
          .fork()
          .getConnection()
          .execute(`select to_char(last_day - 1, 'YYYY-MM-DD') as last_day from school_year where id = ?`, [id]);
        return as(c, `mutation($id: ID!, $lastDay: Date!) { updateSchoolYears(ids: [$id], input: { lastDay: $lastDay }) { id } }`, {
          id,
          lastDay,
        });
      },
      expected: only('admin'),
    },
    deleteSchoolYear: {
      run: async (c) => as(c, `mutation($id: ID!) { deleteSchoolYear(id: $id) { id } }`, { id: await fresh.schoolYear() }),
      expected: only('admin'),
    },
    deleteSchoolYears: {
      run: async (c) => as(c, `mutation($id: ID!) { deleteSchoolYears(ids: [$id]) { id } }`, { id: await fresh.schoolYear() }),
      expected: only('admin'),
    },
    schoolClosures: { run: (c) => as(c, `{ schoolClosures { totalCount } }`), expected: only(...SIGNED_IN) },
    schoolClosure: {
      run: async (c) => as(c, `query($id: ID!) { schoolClosure(id: $id) { id } }`, { id: await fresh.closure() }),
      expected: only(...SIGNED_IN),
    },
    createSchoolClosure: {
      run: (c) =>
        as(
          c,
          `mutation { createSchoolClosure(input: { startDate: "9999-01-02", endDate: "9999-01-02", reason: "authorization test" }) { id } }`,
        ),
      expected: only('admin'),
    },
    updateSchoolClosure: {
      run: async (c) =>
        as(c, `mutation($id: ID!) { updateSchoolClosure(id: $id, input: { version: 1, reason: "renamed" }) { id } }`, {
          id: await fresh.closure(),
        }),
      expected: only('admin'),
    },
    updateSchoolClosures: {
      run: async (c) =>
        as(c, `mutation($id: ID!) { updateSchoolClosures(ids: [$id], input: { reason: "renamed" }) { id } }`, {
          id: await fresh.closure(),
        }),
      expected: only('admin'),
    },
    deleteSchoolClosure: {
      run: async (c) => as(c, `mutation($id: ID!) { deleteSchoolClosure(id: $id) { id } }`, { id: await fresh.closure() }),
      expected: only('admin'),
    },
    deleteSchoolClosures: {
      run: async (c) => as(c, `mutation($id: ID!) { deleteSchoolClosures(ids: [$id]) { id } }`, { id: await fresh.closure() }),
      expected: only('admin'),
    },

    createUser: {
      run: (c) =>
        as(
          c,
          `mutation($email: String!) { createUser(input: { email: $email, displayName: "N", role: ANALYST, password: "a long enough password" }) { id } }`,
          { email: `${unique('u').replace(/\W/g, '')}@example.org` },
        ),
      expected: only('admin'),
    },
    updateUser: {
      run: async (c) =>
        as(c, `mutation($id: ID!) { updateUser(id: $id, input: { version: 1, displayName: "Renamed" }) { id } }`, {
          id: await fresh.user(),
        }),
      expected: only('admin'),
    },
    updateUsers: {
      run: async (c) =>
        as(c, `mutation($id: ID!) { updateUsers(ids: [$id], input: { active: false }) { id } }`, { id: await fresh.user() }),
      expected: only('admin'),
    },
    deleteUser: {
      run: async (c) => as(c, `mutation($id: ID!) { deleteUser(id: $id) { id } }`, { id: await fresh.user() }),
      expected: only('admin'),
    },
    deleteUsers: {
      run: async (c) => as(c, `mutation($id: ID!) { deleteUsers(ids: [$id]) { id } }`, { id: await fresh.user() }),
      expected: only('admin'),
    },

    checklistTemplates: { run: (c) => as(c, `{ checklistTemplates { id } }`), expected: only(...SIGNED_IN) },
    safetyAudits: { run: (c) => as(c, `{ safetyAudits { totalCount } }`), expected: only(...SIGNED_IN) },
    safetyAudit: {
      run: async (c) => as(c, `query($id: ID!) { safetyAudit(id: $id) { id } }`, { id: (await fresh.draftAudit()).auditId }),
      expected: only(...SIGNED_IN),
    },
    correctiveActions: { run: (c) => as(c, `{ correctiveActions { totalCount } }`), expected: only(...SIGNED_IN) },
    correctiveAction: {
      run: async (c) => as(c, `query($id: ID!) { correctiveAction(id: $id) { id } }`, { id: await fresh.action() }),
      expected: only(...SIGNED_IN),
    },
    schoolsDueForAudit: { run: (c) => as(c, `{ schoolsDueForAudit { schoolId } }`), expected: only(...SIGNED_IN) },
    createSafetyAudit: {
      run: async (c) =>
        as(c, `mutation($input: CreateSafetyAuditInput!) { createSafetyAudit(input: $input) { id } }`, {
          input: { schoolId: ids.schoolA, templateId: (await fresh.template()).templateId, date: '2026-09-15', officerIds: [ids.officerA] },
        }),
      expected: only('admin', 'officer'),
    },
    updateSafetyAudit: {
      run: async (c) =>
        as(c, `mutation($id: ID!) { updateSafetyAudit(id: $id, input: { version: 1, durationMinutes: 90 }) { id } }`, {
          id: (await fresh.draftAudit()).auditId,
        }),
      expected: only('admin', 'officer'),
    },
    saveSafetyAuditFindings: {
      run: async (c) => {
        const { auditId, itemId } = await fresh.draftAudit();
        return as(
          c,
          `mutation($id: ID!, $itemId: ID!) { saveSafetyAuditFindings(id: $id, findings: [{ itemId: $itemId, result: MEETS }]) { id } }`,
          {
            id: auditId,
            itemId,
          },
        );
      },
      expected: only('admin', 'officer'),
    },
    submitSafetyAudit: {
      run: async (c) =>
        as(c, `mutation($id: ID!) { submitSafetyAudit(id: $id, version: 1) { id } }`, { id: (await fresh.draftAudit(true)).auditId }),
      expected: only('admin', 'officer'),
    },
    deleteSafetyAudit: {
      run: async (c) => as(c, `mutation($id: ID!) { deleteSafetyAudit(id: $id) { id } }`, { id: (await fresh.draftAudit()).auditId }),
      expected: only('admin', 'officer'),
    },
    createCorrectiveAction: {
      run: async (c) =>
        as(c, `mutation($id: ID!) { createCorrectiveAction(input: { findingId: $id, what: "Fix it", owner: SCHOOL }) { id } }`, {
          id: (await fresh.draftAudit(true)).findingId,
        }),
      expected: only('admin', 'officer'),
    },
    updateCorrectiveAction: {
      run: async (c) =>
        as(c, `mutation($id: ID!) { updateCorrectiveAction(id: $id, input: { version: 1, status: IN_PROGRESS }) { id } }`, {
          id: await fresh.action(),
        }),
      expected: only('admin', 'officer'),
    },
    createChecklistVersion: {
      run: async (c) =>
        as(c, `mutation($id: ID!) { createChecklistVersion(fromId: $id) { id } }`, { id: (await fresh.template()).templateId }),
      expected: only('admin'),
    },
    publishChecklistTemplate: {
      run: async (c) =>
        as(c, `mutation($id: ID!) { publishChecklistTemplate(id: $id) { id } }`, { id: (await fresh.template(false)).templateId }),
      expected: only('admin'),
    },
    saveChecklistItem: {
      run: async (c) =>
        as(
          c,
          `mutation($id: ID!) { saveChecklistItem(templateId: $id, input: { area: SURVEILLANCE, position: 2, criterion: "Cameras work", defaultSeverity: LOW }) { id } }`,
          { id: (await fresh.template(false)).templateId },
        ),
      expected: only('admin'),
    },

    // Tips of agency A's officer at school A: ADMIN and the chief and officer who read it change it; only ADMIN
    // enters and deletes; analysts only the report. Another agency's chief finds nothing (null, an empty list).
    tips: { run: (c) => as(c, `{ tips { totalCount } }`), expected: only('admin', 'chiefA', 'chiefB', 'officer') },
    tip: {
      run: async (c) => as(c, `query($id: ID!) { tip(id: $id) { id } }`, { id: await fresh.tip() }),
      expected: only('admin', 'chiefA', 'chiefB', 'officer'),
    },
    tipQueue: { run: (c) => as(c, `{ tipQueue { totalCount } }`), expected: only('admin', 'chiefA', 'chiefB', 'officer') },
    createTip: {
      run: (c) =>
        as(c, `mutation($input: CreateTipInput!) { createTip(input: $input) { id } }`, {
          input: { referenceNumber: unique('T'), source: 'PHONE', category: 'OTHER', receivedAt: new Date().toISOString() },
        }),
      expected: only('admin'),
    },
    updateTip: {
      run: async (c) =>
        as(c, `mutation($id: ID!) { updateTip(id: $id, input: { version: 1, lifeSafety: true }) { id } }`, { id: await fresh.tip() }),
      expected: only('admin', 'chiefA', 'officer'),
    },
    updateTips: {
      run: async (c) =>
        as(c, `mutation($id: ID!) { updateTips(ids: [$id], input: { closeAs: INFORMATION_ONLY }) { id } }`, { id: await fresh.tip() }),
      expected: only('admin', 'chiefA', 'officer'),
    },
    deleteTip: {
      run: async (c) => as(c, `mutation($id: ID!) { deleteTip(id: $id) { id } }`, { id: await fresh.tip() }),
      expected: only('admin'),
    },
    deleteTips: {
      run: async (c) => as(c, `mutation($id: ID!) { deleteTips(ids: [$id]) { id } }`, { id: await fresh.tip() }),
      expected: only('admin'),
    },
    // Follow-up steps: read with their tip; ADMIN, agency A's chief for its officer, the officer as itself.
    tipSteps: { run: (c) => as(c, `{ tipSteps { totalCount } }`), expected: only('admin', 'chiefA', 'chiefB', 'officer') },
    tipStep: {
      run: async (c) => as(c, `query($id: ID!) { tipStep(id: $id) { id } }`, { id: await fresh.tipStep() }),
      expected: only('admin', 'chiefA', 'chiefB', 'officer'),
    },
    createTipStep: {
      run: async (c) =>
        as(c, `mutation($input: CreateTipStepInput!) { createTipStep(input: $input) { id } }`, {
          input: { tipId: await fresh.tip(), officerId: c === 'officer' ? null : ids.officerA, kind: 'CONTACT_MADE', minutes: 5 },
        }),
      expected: only('admin', 'chiefA', 'officer'),
    },
    updateTipStep: {
      run: async (c) =>
        as(c, `mutation($id: ID!) { updateTipStep(id: $id, input: { version: 1, minutes: 10 }) { id } }`, { id: await fresh.tipStep() }),
      expected: only('admin', 'chiefA', 'officer'),
    },
    updateTipSteps: {
      run: async (c) =>
        as(c, `mutation($id: ID!) { updateTipSteps(ids: [$id], input: { minutes: 10 }) { id } }`, { id: await fresh.tipStep() }),
      expected: only('admin', 'chiefA', 'officer'),
    },
    deleteTipStep: {
      run: async (c) => as(c, `mutation($id: ID!) { deleteTipStep(id: $id) { id } }`, { id: await fresh.tipStep() }),
      expected: only('admin', 'chiefA', 'officer'),
    },
    deleteTipSteps: {
      run: async (c) => as(c, `mutation($id: ID!) { deleteTipSteps(ids: [$id]) { id } }`, { id: await fresh.tipStep() }),
      expected: only('admin', 'chiefA', 'officer'),
    },

    // Agreements of agency A: ADMIN and A's chief write them; analysts read them; officers nothing. Another agency's
    // chief finds nothing (null, an empty list) and is refused A's rows (NOT_FOUND, or a mouId it cannot see).
    mous: { run: (c) => as(c, `{ mous { totalCount } }`), expected: only('admin', 'chiefA', 'chiefB', 'analyst') },
    mou: {
      run: async (c) => as(c, `query($id: ID!) { mou(id: $id) { id } }`, { id: await fresh.mou() }),
      expected: only('admin', 'chiefA', 'chiefB', 'analyst'),
    },
    createMou: {
      run: (c) =>
        as(c, `mutation($input: CreateMouInput!) { createMou(input: $input) { id } }`, {
          input: { agencyId: ids.agencyA, title: unique('MOU'), effectiveDate: '2026-07-01', expiryDate: '2027-06-30' },
        }),
      expected: only('admin', 'chiefA'),
    },
    updateMou: {
      run: async (c) =>
        as(c, `mutation($id: ID!) { updateMou(id: $id, input: { version: 1, title: "Renamed" }) { id } }`, { id: await fresh.mou() }),
      expected: only('admin', 'chiefA'),
    },
    updateMous: {
      run: async (c) =>
        as(c, `mutation($id: ID!) { updateMous(ids: [$id], input: { status: IN_FORCE }) { id } }`, { id: await fresh.mou() }),
      expected: only('admin', 'chiefA'),
    },
    deleteMou: {
      run: async (c) => as(c, `mutation($id: ID!) { deleteMou(id: $id) { id } }`, { id: await fresh.mou() }),
      expected: only('admin', 'chiefA'),
    },
    deleteMous: {
      run: async (c) => as(c, `mutation($id: ID!) { deleteMous(ids: [$id]) { id } }`, { id: await fresh.mou() }),
      expected: only('admin', 'chiefA'),
    },
    // Cost terms: as their agreement.
    mouCostTerms: { run: (c) => as(c, `{ mouCostTerms { totalCount } }`), expected: only('admin', 'chiefA', 'chiefB', 'analyst') },
    mouCostTerm: {
      run: async (c) => as(c, `query($id: ID!) { mouCostTerm(id: $id) { id } }`, { id: await fresh.costTerm() }),
      expected: only('admin', 'chiefA', 'chiefB', 'analyst'),
    },
    createMouCostTerm: {
      run: async (c) =>
        as(c, `mutation($input: CreateMouCostTermInput!) { createMouCostTerm(input: $input) { id } }`, {
          input: { ...costTermInput, mouId: await fresh.mou() },
        }),
      expected: only('admin', 'chiefA'),
    },
    updateMouCostTerm: {
      run: async (c) =>
        as(c, `mutation($id: ID!) { updateMouCostTerm(id: $id, input: { version: 1, hoursPerDay: "7.5" }) { id } }`, {
          id: await fresh.costTerm(),
        }),
      expected: only('admin', 'chiefA'),
    },
    updateMouCostTerms: {
      run: async (c) =>
        as(c, `mutation($id: ID!) { updateMouCostTerms(ids: [$id], input: { excludedAbsenceReasons: [SICK] }) { id } }`, {
          id: await fresh.costTerm(),
        }),
      expected: only('admin', 'chiefA'),
    },
    deleteMouCostTerm: {
      run: async (c) => as(c, `mutation($id: ID!) { deleteMouCostTerm(id: $id) { id } }`, { id: await fresh.costTerm() }),
      expected: only('admin', 'chiefA'),
    },
    deleteMouCostTerms: {
      run: async (c) => as(c, `mutation($id: ID!) { deleteMouCostTerms(ids: [$id]) { id } }`, { id: await fresh.costTerm() }),
      expected: only('admin', 'chiefA'),
    },

    // A wrong password is UNAUTHENTICATED for everyone: the answer does not depend on who asks.
    login: {
      run: (c) =>
        as(c, `mutation($email: String!) { login(email: $email, password: "wrong password") { token } }`, {
          email: `nobody-${c}@example.org`,
        }),
      expected: Object.fromEntries(CALLERS.map((c) => [c, 'unauthenticated'])) as Record<Caller, Outcome>,
    },
    logout: {
      run: (c) =>
        c === 'anonymous' ? as(c, `mutation { logout }`) : app.graphql(`mutation { logout }`, {}, 'srs_not-a-session-of-anyone'),
      expected: Object.fromEntries(CALLERS.map((c) => [c, 'unauthenticated'])) as Record<Caller, Outcome>,
    },
    // Every role changes its own password, knowing it (the factory's users get one here).
    changePassword: {
      run: async (c) => {
        if (c !== 'anonymous') {
          const { me } = await app.query(`{ me { id } }`, {}, tokens[c]);
          await app.orm.em.fork().nativeUpdate(User, { id: Number(me.id) }, { passwordHash: await hashPassword('the current password') });
        }
        return as(c, `mutation { changePassword(currentPassword: "the current password", newPassword: "a brand new password") }`);
      },
      expected: only(...SIGNED_IN),
    },
    createApiToken: { run: (c) => as(c, `mutation { createApiToken(name: "script") { token } }`), expected: only(...SIGNED_IN) },
    revokeApiToken: {
      run: async (c) => {
        if (c === 'anonymous') return as(c, `mutation { revokeApiToken(id: "1") { id } }`);
        const created = await as(c, `mutation { createApiToken(name: "to revoke") { apiToken { id } } }`);
        return as(c, `mutation($id: ID!) { revokeApiToken(id: $id) { id } }`, { id: created.data!.createApiToken.apiToken.id });
      },
      expected: only(...SIGNED_IN),
    },
  };

  it('has a row for every query and mutation of the schema', () => {
    const schema = buildSchema(fs.readFileSync(path.join(__dirname, '../../schema/schema.graphql'), 'utf8'));
    const names = ['Query', 'Mutation'].flatMap((type) => Object.keys((schema.getType(type) as GraphQLObjectType).getFields()));
    const reports = names.filter((name) => /Report$/.test(name));
    expect(names.filter((name) => !operations[name] && !reports.includes(name))).toEqual([]);
  });

  for (const [name, { run, expected }] of Object.entries(operations)) {
    it.each(CALLERS)(`${name} as %s`, async (caller) => {
      expect(outcome(await run(caller))).toBe(expected[caller]);
    });
  }

  describe('what each caller sees', () => {
    const count = async (caller: Caller, list: string, filterIds: string[]) =>
      (await as(caller, `query($ids: [ID!]) { ${list}(filter: { ids: $ids }) { totalCount items { id } } }`, { ids: filterIds })).data?.[
        list
      ];

    it.each([
      ['admin', 2, 3, 2, 2],
      ['chiefA', 2, 3, 2, 1],
      ['chiefB', 2, 3, 2, 1],
      ['analyst', 2, 3, 2, 2],
      ['officer', 1, 1, 1, 1],
    ] as const)(
      '%s: officers %i, schools %i, assignments %i, activities %i, totals counting only visible rows',
      async (caller, officers, schools, assignments, activities) => {
        expect((await count(caller, 'officers', [ids.officerA, ids.officerB])).totalCount).toBe(officers);
        expect((await count(caller, 'schools', [ids.schoolA, ids.schoolB, ids.schoolC])).totalCount).toBe(schools);
        expect((await count(caller, 'assignments', [ids.assignmentA, ids.assignmentB])).totalCount).toBe(assignments);
        const visible = await count(caller, 'activities', [ids.activityA, ids.activityB]);
        expect(visible.totalCount).toBe(activities);
        expect(visible.items).toHaveLength(activities);
      },
    );

    it("hides another agency's activity as if it did not exist, by id and through every edge", async () => {
      expect((await as('chiefA', `query($id: ID!) { activity(id: $id) { id } }`, { id: ids.activityB })).data?.activity).toBeNull();
      const edges = await as(
        'chiefA',
        `query($officer: ID!, $school: ID!) { officer(id: $officer) { activities { totalCount } } school(id: $school) { activities { totalCount } } }`,
        { officer: ids.officerB, school: ids.schoolB },
      );
      expect(edges.data).toEqual({ officer: { activities: { totalCount: 0 } }, school: { activities: { totalCount: 0 } } });
      const update = await as(
        'chiefA',
        `mutation($id: ID!) { updateActivity(id: $id, input: { version: 1, durationMinutes: 5 }) { id } }`,
        { id: ids.activityB },
      );
      expect(update.errors?.[0].extensions.code).toBe('NOT_FOUND');
    });

    it("shows other agencies' officers by name, rank and agency only, and contact fields to nobody but their own", async () => {
      const query = `query($ids: [ID!]) { officers(filter: { ids: $ids }, sort: { field: CREATED_AT }) { items { id lastName rank agency { id } badgeNumber status notes email phone } } }`;
      const [own, other] = (await as('chiefA', query, { ids: [ids.officerA, ids.officerB] })).data!.officers.items;
      expect(own).toMatchObject({ email: 'a@example.org', phone: '555-0100', status: 'ACTIVE' });
      expect(other).toMatchObject({ agency: { id: ids.agencyB }, badgeNumber: null, status: null, notes: null, email: null, phone: null });
      expect(other.lastName).toEqual(expect.any(String));
      const analyst = (await as('analyst', query, { ids: [ids.officerA, ids.officerB] })).data!.officers.items;
      expect(
        analyst.map((officer: { email: string | null; phone: string | null; badgeNumber: string }) => [
          officer.email,
          officer.phone,
          typeof officer.badgeNumber,
        ]),
      ).toEqual([
        [null, null, 'string'],
        [null, null, 'string'],
      ]);
      const self = (await as('officer', query, { ids: [ids.officerA, ids.officerB] })).data!.officers.items;
      expect(self).toEqual([expect.objectContaining({ id: ids.officerA, email: 'a@example.org' })]);
    });

    it('refuses mass assignment: a chief cannot move its officer to another agency', async () => {
      const id = await fresh.officerOf('agencyA');
      const moved = await as(
        'chiefA',
        `mutation($id: ID!, $agencyId: ID!) { updateOfficer(id: $id, input: { version: 1, agencyId: $agencyId }) { id } }`,
        { id, agencyId: ids.agencyB },
      );
      expect(moved.errors?.[0].extensions.code).toBe('FORBIDDEN');
      const created = await as(
        'chiefA',
        `mutation($agencyId: ID!) { createOfficer(input: { agencyId: $agencyId, firstName: "N", lastName: "X", badgeNumber: "9", rank: OFFICER }) { id } }`,
        { agencyId: ids.agencyB },
      );
      expect(created.errors?.[0].extensions.code).toBe('FORBIDDEN');
    });

    it('lets an officer log only as itself', async () => {
      const response = await as(
        'officer',
        `mutation($officerId: ID!, $date: Date!) { createActivity(input: { officerId: $officerId, date: $date, category: MENTORING, durationMinutes: 20 }) { id } }`,
        {
          officerId: ids.officerB,
          date: new Date().toISOString().slice(0, 10),
        },
      );
      expect(response.errors?.[0].extensions.code).toBe('FORBIDDEN');
      const own = await as(
        'officer',
        `mutation($date: Date!) { createActivity(input: { date: $date, category: MENTORING, durationMinutes: 20 }) { officer { id } } }`,
        {
          date: new Date().toISOString().slice(0, 10),
        },
      );
      expect(own.data?.createActivity.officer.id).toBe(ids.officerA);
    });

    it("closes an officer's edit window 14 days after the activity date", async () => {
      const old = String((await factory.activity({ id: Number(ids.officerA) } as never, null, { date: '2020-01-06' })).id);
      const response = await as(
        'officer',
        `mutation($id: ID!) { updateActivity(id: $id, input: { version: 1, durationMinutes: 5 }) { id } }`,
        { id: old },
      );
      expect(response.errors?.[0].extensions.code).toBe('FORBIDDEN');
      expect(response.errors?.[0].message).toMatch(/14 days/);
    });

    it('tells an officer who logs or moves an activity outside the window why, and the date', async () => {
      const reason = (date: string) => `Activities can be logged or changed up to 14 days after they happened: this one was on ${date}`;
      const created = await as(
        'officer',
        `mutation { createActivity(input: { date: "2020-01-06", category: MENTORING, durationMinutes: 20 }) { id } }`,
      );
      expect(created.errors?.[0]).toMatchObject({ message: reason('2020-01-06'), extensions: { code: 'FORBIDDEN' } });
      const today = new Date().toISOString().slice(0, 10);
      const recent = String((await factory.activity({ id: Number(ids.officerA) } as never, null, { date: today })).id);
      const moved = await as(
        'officer',
        `mutation($id: ID!) { updateActivity(id: $id, input: { version: 1, date: "2020-02-03" }) { id } }`,
        { id: recent },
      );
      expect(moved.errors?.[0]).toMatchObject({ message: reason('2020-02-03'), extensions: { code: 'FORBIDDEN' } });
    });
  });

  describe('the second layer: row-level security with the resolver checks switched off', () => {
    afterEach(() => jest.restoreAllMocks());

    it('still hides rows when every policy lets everything through', async () => {
      for (const policy of [activityPolicy, officerPolicy, schoolPolicy, assignmentPolicy])
        jest.spyOn(policy, 'readable').mockReturnValue({});
      const activities = await as('chiefA', `query($ids: [ID!]) { activities(filter: { ids: $ids }) { totalCount items { id } } }`, {
        ids: [ids.activityA, ids.activityB],
      });
      expect(activities.data?.activities).toEqual({ totalCount: 1, items: [{ id: ids.activityA }] });
      const officerView = await as(
        'officer',
        `query($ids: [ID!]) { schools(filter: { ids: $ids }) { totalCount } officers(filter: { ids: [] }) { totalCount } }`,
        {
          ids: [ids.schoolA, ids.schoolB, ids.schoolC],
        },
      );
      expect(officerView.data?.schools.totalCount).toBe(1);
    });

    it('still refuses writes when every policy allows them', async () => {
      for (const policy of [activityPolicy, officerPolicy, schoolPolicy, assignmentPolicy]) {
        jest.spyOn(policy, 'canCreate').mockReturnValue(true);
        jest.spyOn(policy, 'canUpdate').mockReturnValue(true);
        jest.spyOn(policy, 'canDelete').mockReturnValue(true);
      }
      const school = await as(
        'analyst',
        `mutation($name: String!) { createSchool(input: { name: $name, level: HIGH, locale: CITY, enrollment: 1 }) { id } }`,
        { name: unique('S') },
      );
      expect(school.errors?.[0].extensions.code).toBe('FORBIDDEN');
      const officer = await as(
        'chiefA',
        `mutation($agencyId: ID!) { createOfficer(input: { agencyId: $agencyId, firstName: "N", lastName: "X", badgeNumber: "77", rank: OFFICER }) { id } }`,
        {
          agencyId: ids.agencyB,
        },
      );
      expect(officer.errors?.[0].extensions.code).toBe('FORBIDDEN');
    });
  });
});
