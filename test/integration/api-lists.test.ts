import { Role } from '../../server/src/common/actor';
import type { Agency } from '../../server/src/modules/agency/agency.entity';
import type { School } from '../../server/src/modules/school/school.entity';
import { TestApp } from '../support/app';
import { Factory, unique } from '../support/factories';

/** Filters, sorts, pagination and totals, nested edges, and the number of SQL statements they take. */
describe('lists and nested queries', () => {
  let app: TestApp;
  let factory: Factory;
  let admin: string;
  let tag: string;
  let agency: Agency;
  let highSchools: School[];

  beforeAll(async () => {
    app = await TestApp.start();
    factory = new Factory(app.orm);
    admin = (await factory.user(Role.ADMIN)).token;
    tag = unique('Lists').replace(/\W/g, '');
    agency = await factory.agency({ name: `${tag} Police` });
    highSchools = [];
    for (const [index, name] of ['Cedar', 'Aspen', 'Birch', 'Elm', 'Dogwood'].entries()) {
      const school = await factory.school({
        name: `${tag} ${name} High`,
        level: 'HIGH' as never,
        locale: index % 2 ? ('RURAL' as never) : ('CITY' as never),
        enrollment: 1200 + index,
      });
      highSchools.push(school);
      const officer = await factory.officer(agency, { lastName: `${tag}-${name}` });
      // Aspen's assignment ended yesterday; Elm's starts tomorrow; the rest are active today.
      const period =
        name === 'Aspen'
          ? { startDate: '2026-01-01', endDate: '2026-11-26' }
          : name === 'Elm'
            ? { startDate: '2026-11-28', endDate: null }
            : { startDate: '2026-08-01', endDate: null };
      await factory.assignment(officer, school, { role: 'PRIMARY' as never, fte: 1, ...period });
    }
    await factory.school({ name: `${tag} Fir Middle`, level: 'MIDDLE' as never });
  });
  afterAll(() => app.stop());

  it('answers "high schools sorted by name, page 2, with assignments active on a date, officer and agency" with the right rows and totals', async () => {
    const data = await app.query(
      `query($q: String!) {
        schools(filter: { q: $q, level: HIGH }, sort: { field: NAME, order: ASC }, page: 2, perPage: 2) {
          totalCount
          items { name assignments(filter: { activeOn: "2026-11-27" }) { totalCount items { role officer { lastName agency { name } } } } }
        }
      }`,
      { q: tag },
      admin,
    );
    expect(data.schools.totalCount).toBe(5);
    expect(data.schools.items.map((school: { name: string }) => school.name)).toEqual([`${tag} Cedar High`, `${tag} Dogwood High`]);
    for (const school of data.schools.items) {
      expect(school.assignments.totalCount).toBe(1);
      expect(school.assignments.items[0].officer.agency.name).toBe(`${tag} Police`);
    }
  });

  it('reports coverage on a date with assignments that end the day before and start the day after', async () => {
    const data = await app.query(
      `query($q: String!) { schools(filter: { q: $q }, sort: { field: NAME }) { items { name coverageStatus(date: "2026-11-27") } } }`,
      { q: tag },
      admin,
    );
    const status = Object.fromEntries(
      data.schools.items.map((school: { name: string; coverageStatus: string }) => [school.name.split(' ')[1], school.coverageStatus]),
    );
    expect(status).toEqual({
      Aspen: 'UNCOVERED',
      Birch: 'COVERED',
      Cedar: 'COVERED',
      Dogwood: 'COVERED',
      Elm: 'UNCOVERED',
      Fir: 'UNCOVERED',
    });
  });

  it('sorts both ways, stably, and pages without losing or repeating a row', async () => {
    const names = async (order: string, page: number) =>
      (
        await app.query(
          `query($q: String!, $order: SortOrder!, $page: Int!) { schools(filter: { q: $q }, sort: { field: ENROLLMENT, order: $order }, page: $page, perPage: 4) { totalCount items { name } } }`,
          { q: tag, order, page },
          admin,
        )
      ).schools;
    const ascending = [...(await names('ASC', 1)).items, ...(await names('ASC', 2)).items].map((school) => school.name);
    const descending = [...(await names('DESC', 1)).items, ...(await names('DESC', 2)).items].map((school) => school.name);
    expect(ascending).toHaveLength(6);
    expect(new Set(ascending).size).toBe(6);
    expect(descending).toEqual([...ascending].reverse());
    expect((await names('ASC', 3)).items).toEqual([]);
    expect((await names('ASC', 3)).totalCount).toBe(6);
  });

  it('fills the defaults of a sort given as a variable with fields left out', async () => {
    const byVariable = (sort: Record<string, string>) =>
      app.query(
        `query($q: String!, $sort: SchoolSort) { schools(filter: { q: $q }, sort: $sort) { items { name } } }`,
        { q: tag, sort },
        admin,
      );
    const byName = await app.query(
      `query($q: String!) { schools(filter: { q: $q }, sort: { field: NAME, order: ASC }) { items { name } } }`,
      { q: tag },
      admin,
    );
    expect(await byVariable({})).toEqual(byName);
    const descending = (await byVariable({ order: 'DESC' })).schools.items;
    expect(descending).toEqual([...byName.schools.items].reverse());
  });

  it('filters officers by agency, by assignment on a date, and without assignment on a date', async () => {
    const query = `query($filter: OfficerFilter) { officers(filter: $filter, sort: { field: LAST_NAME }) { totalCount items { lastName } } }`;
    const all = await app.query(query, { filter: { agencyId: String(agency.id) } }, admin);
    expect(all.officers.totalCount).toBe(5);
    const assigned = await app.query(query, { filter: { agencyId: String(agency.id), assignedOn: '2026-11-27' } }, admin);
    expect(assigned.officers.items.map((officer: { lastName: string }) => officer.lastName)).toEqual([
      `${tag}-Birch`,
      `${tag}-Cedar`,
      `${tag}-Dogwood`,
    ]);
    const unassigned = await app.query(query, { filter: { agencyId: String(agency.id), unassignedOn: '2026-11-27' } }, admin);
    expect(unassigned.officers.items.map((officer: { lastName: string }) => officer.lastName)).toEqual([`${tag}-Aspen`, `${tag}-Elm`]);
  });

  it('filters assignments by agency and end date, and sorts them by school name', async () => {
    const data = await app.query(
      `query($agencyId: ID!) { assignments(filter: { agencyId: $agencyId, endsFrom: "2026-11-01", endsTo: "2026-11-30" }, sort: { field: SCHOOL_NAME }) { totalCount items { endDate school { name } } } }`,
      { agencyId: String(agency.id) },
      admin,
    );
    expect(data.assignments).toEqual({ totalCount: 1, items: [{ endDate: '2026-11-26', school: { name: `${tag} Aspen High` } }] });
  });

  it('filters assignments to those overlapping a period, open-ended ones included', async () => {
    const overlapping = async (filter: Record<string, string>) => {
      const data = await app.query(
        `query($filter: AssignmentFilter) { assignments(filter: $filter, sort: { field: SCHOOL_NAME }) { items { school { name } } } }`,
        { filter: { agencyId: String(agency.id), ...filter } },
        admin,
      );
      return data.assignments.items.map((item: { school: { name: string } }) => item.school.name.split(' ')[1]);
    };
    // Aspen ends 2026-11-26; Elm starts 2026-11-28 (open-ended); Birch, Cedar and Dogwood run from 2026-08-01, open-ended.
    expect(await overlapping({ activeFrom: '2026-11-27', activeTo: '2026-11-27' })).toEqual(['Birch', 'Cedar', 'Dogwood']);
    expect(await overlapping({ activeFrom: '2026-11-26', activeTo: '2026-11-28' })).toEqual(['Aspen', 'Birch', 'Cedar', 'Dogwood', 'Elm']);
    expect(await overlapping({ activeFrom: '2026-12-01' })).toEqual(['Birch', 'Cedar', 'Dogwood', 'Elm']);
    expect(await overlapping({ activeTo: '2026-07-31' })).toEqual(['Aspen']);
  });

  it('reads only the columns behind the fields asked, through fragments too, and answers them all', async () => {
    const officer = await factory.officer(agency, { lastName: `${tag}-Columns`, email: 'columns@agency.example', notes: 'Bike patrol' });
    const ask = async (fields: string, fragments = '') => {
      app.resetStatements();
      const data = await app.query(
        `query($ids: [ID!]) { officers(filter: { ids: $ids }) { items { ${fields} } } } ${fragments}`,
        { ids: [String(officer.id)] },
        admin,
      );
      const page = app.statements.find((sql) => /from "officer"/.test(sql) && /sro_total/.test(sql))!;
      const agencies = app.statements.find((sql) => /from "agency"/.test(sql));
      return { item: data.officers.items[0], page, agencies };
    };

    const narrow = await ask('id lastName');
    expect(narrow.item).toEqual({ id: String(officer.id), lastName: `${tag}-Columns` });
    expect(narrow.page).toMatch(/"last_name"/);
    expect(narrow.page).not.toMatch(/"email"|"notes"|"first_name"/);
    expect(narrow.agencies).toBeUndefined();

    const wide = await ask('lastName ...Contact agency { name }', 'fragment Contact on Officer { email notes }');
    expect(wide.item).toEqual({
      lastName: `${tag}-Columns`,
      email: 'columns@agency.example',
      notes: 'Bike patrol',
      agency: { name: `${tag} Police` },
    });
    expect(wide.page).toMatch(/"email".*"notes"/);
    expect(wide.agencies).toMatch(/"name"/);
    expect(wide.agencies).not.toMatch(/"ori"|"chief_name"/);
  });

  it('runs a constant number of SQL statements for 100 assignments with officer, agency and school', async () => {
    const bigAgency = await factory.agency();
    const schools = await Promise.all(Array.from({ length: 10 }, () => factory.school()));
    for (let index = 0; index < 100; index += 1) {
      const officer = await factory.officer(index % 2 ? bigAgency : agency);
      await factory.assignment(officer, schools[index % 10], { role: 'BACKUP' as never, fte: 0.1, startDate: '2026-09-01' });
    }
    const statementsFor = async (perPage: number) => {
      app.resetStatements();
      const data = await app.query(
        `query($perPage: Int!) { assignments(filter: { role: BACKUP, activeOn: "2026-10-01" }, perPage: $perPage) { totalCount items { id officer { lastName agency { name } } school { name } } } }`,
        { perPage },
        admin,
      );
      expect(data.assignments.items).toHaveLength(perPage);
      return app.statements.filter((sql) => !/^(begin|commit|rollback|savepoint|release)/i.test(sql)).length;
    };
    const forTen = await statementsFor(10);
    const forHundred = await statementsFor(100);
    expect(forHundred).toBe(forTen);
    // The session check with the transaction's settings (time limit, row security), the page with its total,
    // officers, agencies, schools.
    expect(forHundred).toBeLessThanOrEqual(5);
  });

  it('runs a constant number of statements for 100 schools with their assignments active today', async () => {
    // Every school of this test has an officer today, so that any page exercises every loader.
    const bulk = `${tag} Bulk`;
    for (let index = 0; index < 100; index += 1) {
      const school = await factory.school({ name: `${bulk} ${String(index).padStart(3, '0')}` });
      await factory.assignment(await factory.officer(agency), school, { role: 'PRIMARY' as never, fte: 1, startDate: '2026-08-01' });
    }
    const statementsFor = async (perPage: number) => {
      app.resetStatements();
      const data = await app.query(
        `query($q: String!, $perPage: Int!) { schools(filter: { q: $q }, perPage: $perPage) { items { name coverageStatus assignmentsOn { officer { lastName agency { name } } } } } }`,
        { q: bulk, perPage },
        admin,
      );
      expect(data.schools.items).toHaveLength(perPage);
      return app.statements.length;
    };
    expect(await statementsFor(100)).toBe(await statementsFor(5));
  });
});
