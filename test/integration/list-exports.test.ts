import { TestApp } from '../support/app';
import { parseCsv } from './reports-export-csv';
import { buildProgram, type Program } from './reports-program';

type Role = keyof Program['tokens'];

describe('list exports: GET /export/<list>.csv', () => {
  let app: TestApp;
  let program: Program;

  beforeAll(async () => {
    app = await TestApp.start();
    // About 1,300 activities: more than two pages of 500 and more than the console's old 1,000-row limit.
    program = await buildProgram(app, 170);
  });
  afterAll(() => app.stop());

  const download = (path: string, token?: string) =>
    fetch(`${app.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const exportOf = (list: string, filter: object, token: string, sort = '') =>
    download(`/export/${list}.csv?filter=${encodeURIComponent(JSON.stringify(filter))}${sort}`, token);
  const csv = async (list: string, filter: object, token: string, sort = '') => {
    const response = await exportOf(list, filter, token, sort);
    const text = await response.text();
    expect({ status: response.status, text: response.status === 200 ? '' : text }).toEqual({ status: 200, text: '' });
    const [header, ...rows] = parseCsv(text);
    return { response, text, header, rows, column: (name: string) => rows.map((row) => row[header.indexOf(name)]) };
  };
  const totalCount = async (list: string, filter: object, token: string) =>
    (
      await app.query(
        `query($filter: ${FILTER_TYPES[list]}) { result: ${list}(filter: $filter, perPage: 1) { totalCount } }`,
        { filter },
        token,
      )
    ).result.totalCount as number;

  const FILTER_TYPES: Record<string, string> = {
    agencies: 'AgencyFilter',
    officers: 'OfficerFilter',
    schools: 'SchoolFilter',
    assignments: 'AssignmentFilter',
    activities: 'ActivityFilter',
    users: 'UserFilter',
    auditEvents: 'AuditEventFilter',
  };
  // Filters that keep each list to this file's program, so that other test files' rows do not move the counts.
  const programFilter = (list: string): object =>
    ({
      agencies: { q: program.tag },
      officers: { q: program.tag },
      schools: { q: program.tag },
      assignments: { agencyId: String(program.agencies.alder.id) },
      activities: { q: program.tag },
      users: { agencyId: String(program.agencies.alder.id) },
      auditEvents: { action: 'no such action' },
    })[list]!;

  it('exports every activity matching the filter, past 1,000 rows and several pages, as many as the GraphQL totalCount', async () => {
    const filter = programFilter('activities');
    const { rows, column } = await csv('activities', filter, program.tokens.admin);
    expect(rows.length).toBeGreaterThan(1200);
    expect(rows.length).toBe(await totalCount('activities', filter, program.tokens.admin));
    expect(new Set(column('id')).size).toBe(rows.length);
  });

  it('honours the filter and the sort', async () => {
    const filter = { officerId: String(program.officers.b2.id) };
    const { column } = await csv('activities', filter, program.tokens.admin, '&sort=DATE&order=ASC');
    const expected = await app.query(
      'query($filter: ActivityFilter) { activities(filter: $filter, sort: { field: DATE, order: ASC }, perPage: 500) { items { id } } }',
      { filter },
      program.tokens.admin,
    );
    expect(column('id')).toEqual(expected.activities.items.map((item: { id: string }) => item.id));
    expect(new Set(column('officer_id'))).toEqual(new Set([String(program.officers.b2.id)]));
    const dates = column('date');
    expect(dates).toEqual([...dates].sort());
  });

  // Role x list: 200 with the rows the GraphQL list gives that role, 403 where the list is not the role's, 401 signed out.
  const TABLE: [string, Record<Role | 'anonymous', number>][] = [
    ['agencies', { admin: 200, chiefAlder: 200, chiefBirch: 200, analyst: 200, officerA1: 200, officerB2: 200, anonymous: 401 }],
    ['officers', { admin: 200, chiefAlder: 200, chiefBirch: 200, analyst: 200, officerA1: 200, officerB2: 200, anonymous: 401 }],
    ['schools', { admin: 200, chiefAlder: 200, chiefBirch: 200, analyst: 200, officerA1: 200, officerB2: 200, anonymous: 401 }],
    ['assignments', { admin: 200, chiefAlder: 200, chiefBirch: 200, analyst: 200, officerA1: 200, officerB2: 200, anonymous: 401 }],
    ['activities', { admin: 200, chiefAlder: 200, chiefBirch: 200, analyst: 200, officerA1: 200, officerB2: 200, anonymous: 401 }],
    ['users', { admin: 200, chiefAlder: 403, chiefBirch: 403, analyst: 403, officerA1: 403, officerB2: 403, anonymous: 401 }],
    ['auditEvents', { admin: 200, chiefAlder: 403, chiefBirch: 403, analyst: 403, officerA1: 403, officerB2: 403, anonymous: 401 }],
  ];
  it.each(TABLE.flatMap(([list, statuses]) => Object.entries(statuses).map(([role, status]) => [list, role, status] as const)))(
    '%s as %s: %i',
    async (list, role, status) => {
      const token = role === 'anonymous' ? undefined : program.tokens[role as Role];
      const filter = programFilter(list);
      const response = await download(`/export/${list}.csv?filter=${encodeURIComponent(JSON.stringify(filter))}`, token);
      const text = await response.text();
      expect(response.status).toBe(status);
      if (status !== 200) {
        expect(JSON.parse(text).errors[0].extensions.code).toBe(status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN');
        return;
      }
      expect(parseCsv(text).length - 1).toBe(await totalCount(list, filter, token!));
    },
  );

  it("shows a chief no other agency's badge numbers, status or contact, as the GraphQL list does", async () => {
    const { rows, header } = await csv('officers', { q: program.tag }, program.tokens.chiefAlder);
    const cell = (row: string[], name: string) => row[header.indexOf(name)];
    const alder = String(program.agencies.alder.id);
    const others = rows.filter((row) => cell(row, 'agency_id') !== alder);
    const own = rows.filter((row) => cell(row, 'agency_id') === alder);
    expect(others.length).toBeGreaterThan(0);
    for (const row of others) expect([cell(row, 'badge_number'), cell(row, 'status'), cell(row, 'email')]).toEqual(['', '', '']);
    expect(own.every((row) => cell(row, 'badge_number') !== '')).toBe(true);
  });

  it('starts with a UTF-8 byte order mark and neutralises formula cells', async () => {
    const response = await exportOf('officers', { q: program.tag }, program.tokens.admin);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const { column } = await csv('officers', { q: program.tag }, program.tokens.admin);
    expect(column('last_name')).toContain(`'@Risky ${program.tag}`);
    expect(column('first_name')).toContain("'-Dash");
  });

  it('records each export as an audit event naming the list and its filter and sort', async () => {
    const filter = { officerId: String(program.officers.a1.id) };
    await csv('activities', filter, program.tokens.chiefAlder, '&sort=DATE&order=desc');
    const { auditEvents } = await app.query(
      '{ auditEvents(filter: { action: "export", entityType: "List" }, perPage: 50) { items { entityId details actorUserId } } }',
      {},
      program.tokens.admin,
    );
    expect(auditEvents.items).toContainEqual(
      expect.objectContaining({ entityId: 'activities', details: { list: 'activities', filter, sort: { field: 'DATE', order: 'DESC' } } }),
    );
  });

  it('records a download that the client cuts short: the event is committed before the first byte', async () => {
    const controller = new AbortController();
    const response = await fetch(`${app.url}/export/activities.csv`, {
      headers: { authorization: `Bearer ${program.tokens.analyst}` },
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    controller.abort();
    const requestId = response.headers.get('x-request-id');
    const { auditEvents } = await app.query(
      '{ auditEvents(filter: { action: "export", entityType: "List" }, perPage: 100) { items { entityId requestId } } }',
      {},
      program.tokens.admin,
    );
    expect(auditEvents.items).toContainEqual({ entityId: 'activities', requestId });
  });

  it.each([
    ['filter that is not JSON', '?filter=%7Bnope'],
    ['filter field that does not exist', `?filter=${encodeURIComponent('{"colour":"red"}')}`],
    ['filter value of the wrong type', `?filter=${encodeURIComponent('{"from":"yesterday"}')}`],
    ['filter that breaks a validation rule', `?filter=${encodeURIComponent(JSON.stringify({ q: 'x'.repeat(201) }))}`],
    ['sort field that does not exist', '?sort=COLOUR'],
    ['filter with text no column can hold', `?filter=${encodeURIComponent('{"q":"a\\u0000b"}')}`],
    ['filter nested too deep', `?filter=${encodeURIComponent(`{"ids":${'['.repeat(40)}${']'.repeat(40)}}`)}`],
    ['filter given twice', '?filter=%7B%7D&filter=%7B%7D'],
  ])('answers a %s with 400 BAD_USER_INPUT in JSON', async (_case, query) => {
    const response = await download(`/export/activities.csv${query}`, program.tokens.admin);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
