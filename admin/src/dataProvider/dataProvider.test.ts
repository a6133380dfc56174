import { HttpError } from 'ra-core';
import { createGraphQLClient, type FetchFunction } from '../graphql/client';
import { createDataProvider } from './index';

interface SentRequest {
  url: string;
  query: string;
  variables: Record<string, unknown>;
  credentials?: RequestCredentials;
}

/** A fetch that records what was sent and answers with the given GraphQL bodies, in order. */
function stubFetch(...answers: unknown[]) {
  const sent: SentRequest[] = [];
  const fetchFunction: FetchFunction = async (url, init) => {
    const body = JSON.parse(String(init.body));
    sent.push({ url, query: body.query, variables: body.variables, credentials: init.credentials });
    const answer = answers.shift() ?? { data: null };
    return { status: 200, statusText: 'OK', json: async () => answer } as Response;
  };
  return { sent, provider: createDataProvider(createGraphQLClient(fetchFunction)) };
}

const officer = {
  id: '7',
  firstName: 'Ray',
  lastName: 'Castellanos',
  rank: 'DEPUTY',
  agency: { id: '2', name: 'Juniper County Sheriff' },
  version: 3,
};

describe('data provider: reading', () => {
  it('maps getList pagination, sort and filter onto the list query, and flattens references', async () => {
    const { sent, provider } = stubFetch({ data: { result: { items: [officer], totalCount: 41 } } });
    const result = await provider.getList('officers', {
      pagination: { page: 3, perPage: 10 },
      sort: { field: 'lastName', order: 'DESC' },
      filter: { q: 'cast', agencyId: '2', status: '', notAnApiFilter: 'x' },
    });
    expect(sent[0].url).toBe('/graphql');
    expect(sent[0].credentials).toBe('same-origin');
    expect(sent[0].query).toContain('officers(filter: $filter, sort: $sort, page: $page, perPage: $perPage)');
    expect(sent[0].query).toContain('$filter: OfficerFilter');
    expect(sent[0].variables).toEqual({
      filter: { q: 'cast', agencyId: '2' },
      sort: { field: 'LAST_NAME', order: 'DESC' },
      page: 3,
      perPage: 10,
    });
    expect(result.total).toBe(41);
    expect(result.data[0]).toMatchObject({ id: '7', agencyId: '2', agency: { name: 'Juniper County Sheriff' } });
  });

  it('leaves the API default order for a sort field it does not know', async () => {
    const { sent, provider } = stubFetch({ data: { result: { items: [], totalCount: 0 } } });
    await provider.getList('schools', { pagination: { page: 1, perPage: 25 }, sort: { field: 'principalName', order: 'ASC' }, filter: {} });
    expect(sent[0].variables).not.toHaveProperty('sort');
    expect(sent[0].variables.filter).toEqual({});
  });

  it('maps reference sorts onto the API names (assignments by officer name)', async () => {
    const { sent, provider } = stubFetch({ data: { result: { items: [], totalCount: 0 } } });
    await provider.getList('assignments', {
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'officerId', order: 'ASC' },
      filter: { activeOn: '2026-09-14' },
    });
    expect(sent[0].variables).toMatchObject({ sort: { field: 'OFFICER_NAME', order: 'ASC' }, filter: { activeOn: '2026-09-14' } });
  });

  it('reads windows larger than 500 rows (the CSV export) in API pages of 500', async () => {
    const page = (count: number, offset: number) => Array.from({ length: count }, (_, index) => ({ id: String(offset + index) }));
    const { sent, provider } = stubFetch(
      { data: { result: { items: page(500, 0), totalCount: 620 } } },
      { data: { result: { items: page(120, 500), totalCount: 620 } } },
    );
    const result = await provider.getList('activities', {
      pagination: { page: 1, perPage: 1000 },
      sort: { field: 'date', order: 'DESC' },
      filter: {},
    });
    expect(sent.map((request) => [request.variables.page, request.variables.perPage])).toEqual([
      [1, 500],
      [2, 500],
    ]);
    expect(result.data).toHaveLength(620);
    expect(result.total).toBe(620);
  });

  it('getOne asks for one record and rejects with 404 when the API answers null', async () => {
    const { sent, provider } = stubFetch({ data: { result: officer } }, { data: { result: null } });
    const { data } = await provider.getOne('officers', { id: 7 });
    expect(sent[0].query).toContain('officer(id: $id)');
    expect(sent[0].variables).toEqual({ id: '7' });
    expect(data.agencyId).toBe('2');
    await expect(provider.getOne('officers', { id: '99' })).rejects.toMatchObject({ status: 404 });
  });

  it('getMany filters by ids; getManyReference filters by the target', async () => {
    const { sent, provider } = stubFetch(
      { data: { result: { items: [officer], totalCount: 1 } } },
      { data: { result: { items: [], totalCount: 0 } } },
    );
    await provider.getMany('officers', { ids: [7, '9'] });
    expect(sent[0].variables).toMatchObject({ filter: { ids: ['7', '9'] }, page: 1, perPage: 2 });
    await provider.getManyReference('assignments', {
      target: 'schoolId',
      id: 5,
      pagination: { page: 1, perPage: 50 },
      sort: { field: 'startDate', order: 'DESC' },
      filter: {},
    });
    expect(sent[1].variables).toMatchObject({ filter: { schoolId: '5' }, sort: { field: 'START_DATE', order: 'DESC' } });
  });
});

describe('data provider: writing', () => {
  it('create sends the known input fields, leaving blanks to the API defaults', async () => {
    const { sent, provider } = stubFetch({
      data: { result: { id: '12', role: 'PRIMARY', officer, school: { id: '5', name: 'Ashgrove' } } },
    });
    const { data } = await provider.create('assignments', {
      data: { officerId: '7', schoolId: '5', role: 'PRIMARY', startDate: '2026-09-14', endDate: '', fte: 1, notes: null, unknown: 'x' },
    });
    expect(sent[0].query).toContain('createAssignment(input: $input)');
    expect(sent[0].query).toContain('$input: CreateAssignmentInput!');
    expect(sent[0].variables).toEqual({ input: { officerId: '7', schoolId: '5', role: 'PRIMARY', startDate: '2026-09-14', fte: 1 } });
    expect(data).toMatchObject({ id: '12', officerId: '7', schoolId: '5' });
  });

  it('update sends only the changed fields, blanks as null, and the version from previousData', async () => {
    const { sent, provider } = stubFetch({ data: { result: { ...officer, version: 4 } } });
    await provider.update('officers', {
      id: '7',
      data: { ...officer, agencyId: '2', phone: '', rank: 'CORPORAL', version: 99 },
      previousData: { ...officer, agencyId: '2', phone: '555-0100', version: 3 },
    });
    expect(sent[0].query).toContain('updateOfficer(id: $id, input: $input)');
    expect(sent[0].variables).toEqual({ id: '7', input: { rank: 'CORPORAL', phone: null, version: 3 } });
  });

  it('never sends an empty password on a user update', async () => {
    const { sent, provider } = stubFetch({ data: { result: { id: '4' } } });
    await provider.update('users', {
      id: '4',
      data: { displayName: 'New', password: '' },
      previousData: { id: '4', displayName: 'Old', version: 1 },
    });
    expect(sent[0].variables.input).toEqual({ displayName: 'New', version: 1 });
  });

  it('updateMany and deleteMany use the plural mutations with ids', async () => {
    const { sent, provider } = stubFetch({ data: { result: [{ id: '1' }, { id: '2' }] } }, { data: { result: [{ id: '3' }] } });
    const updated = await provider.updateMany('agencies', { ids: [1, 2], data: { active: false, name: 'ignored' } });
    expect(sent[0].query).toContain('updateAgencies(ids: $ids, input: $input)');
    expect(sent[0].variables).toEqual({ ids: ['1', '2'], input: { active: false } });
    expect(updated.data).toEqual(['1', '2']);
    const deleted = await provider.deleteMany('schools', { ids: [3] });
    expect(sent[1].query).toContain('deleteSchools(ids: $ids)');
    expect(deleted.data).toEqual(['3']);
  });

  it('delete returns the deleted record', async () => {
    const { sent, provider } = stubFetch({ data: { result: { id: '8', name: 'Gone' } } });
    const { data } = await provider.delete('agencies', { id: '8', previousData: { id: '8' } });
    expect(sent[0].query).toContain('deleteAgency(id: $id)');
    expect(data).toEqual({ id: '8', name: 'Gone' });
  });

  it('API tokens: create returns the secret once, delete revokes', async () => {
    const token = { id: '3', name: 'Power BI', prefix: 'sro_ab', createdAt: '2026-11-27T10:00:00Z', lastUsedAt: null, revokedAt: null };
    const { sent, provider } = stubFetch(
      { data: { createApiToken: { token: 'sro_secret', apiToken: token } } },
      { data: { revokeApiToken: { ...token, revokedAt: 'now' } } },
    );
    const created = await provider.create('apiTokens', { data: { name: 'Power BI' } });
    expect(sent[0].variables).toEqual({ name: 'Power BI' });
    expect(created.data).toMatchObject({ id: '3', token: 'sro_secret' });
    await provider.delete('apiTokens', { id: '3' });
    expect(sent[1].query).toContain('revokeApiToken(id: $id)');
  });

  it('API tokens: a lifetime chosen at creation is sent; none leaves the server its default', async () => {
    const token = { id: '4', name: 'Nightly', prefix: 'sra_cd', createdAt: '2026-11-27T10:00:00Z', expiresAt: '2026-12-27T10:00:00Z' };
    const { sent, provider } = stubFetch({ data: { createApiToken: { token: 'sra_secret', apiToken: token } } });
    const created = await provider.create('apiTokens', { data: { name: 'Nightly', lifetimeDays: 30 } });
    expect(sent[0].variables).toEqual({ name: 'Nightly', lifetimeDays: 30 });
    expect(sent[0].query).toContain('expiresAt');
    expect(created.data).toMatchObject({ expiresAt: '2026-12-27T10:00:00Z' });
  });
});

describe('data provider: errors', () => {
  const failing = (extensions: Record<string, unknown>, message = 'failed') => stubFetch({ errors: [{ message, extensions }], data: null });

  it('BAD_USER_INPUT becomes an HttpError whose body.errors puts each message on its field', async () => {
    const { provider } = failing(
      { code: 'BAD_USER_INPUT', fields: { fte: ['fte must be at most 1'], 'input.startDate': ['bad date', 'too early'] } },
      'Invalid input: fte must be at most 1',
    );
    const error = await provider.create('assignments', { data: { fte: 3 } }).catch((caught) => caught);
    expect(error).toBeInstanceOf(HttpError);
    expect(error.status).toBe(400);
    expect(error.body.errors).toEqual({
      fte: 'fte must be at most 1',
      startDate: 'bad date too early',
      root: { serverError: 'Invalid input: fte must be at most 1' },
    });
  });

  it('CONFLICT names the clashing assignment in the message; the form gets a short field message and the id, no toast text', async () => {
    const { provider } = failing(
      { code: 'CONFLICT', reason: 'assignment_primary_no_overlap', clashingAssignmentId: '12' },
      'The officer already has a PRIMARY assignment in this period: assignment 12 (PRIMARY at school 3, 2020-07-01 to open-ended)',
    );
    const error = await provider.create('assignments', { data: {} }).catch((caught) => caught);
    expect(error.status).toBe(409);
    expect(error.message).toMatch(/^Clashes with assignment #12: The officer already has a PRIMARY assignment/);
    expect(error.body.errors).toEqual({
      startDate: 'Overlaps another PRIMARY assignment of this officer',
      root: { clashingAssignmentId: '12' },
    });
    expect(error.body.clashingAssignmentId).toBe('12');
  });

  it('a CONFLICT that names its field (a database rule) puts the rule there and the clashing id beside it', async () => {
    const { provider } = failing(
      { code: 'CONFLICT', reason: 'assignment_fte_total', field: 'fte', clashingAssignmentId: '4' },
      'More than 1.00 FTE',
    );
    const error = await provider
      .update('assignments', { id: '1', data: { fte: 1 }, previousData: { id: '1', fte: 0.5, version: 2 } })
      .catch((caught) => caught);
    expect(error.body.errors).toEqual({ fte: "Takes the officer's FTE over 1.00 on some day", root: { clashingAssignmentId: '4' } });
  });

  it("writes the server's dates as the console writes every date, on fields and in the message", async () => {
    const { provider } = failing(
      { code: 'FORBIDDEN', fields: { date: ['this one was on 2026-09-20'] } },
      'You may not change this activity: this one was on 2026-09-20, recorded at 2026-09-20T10:00:00Z',
    );
    const error = await provider.create('activities', { data: {} }).catch((caught) => caught);
    expect(error.message).toBe('You may not change this activity: this one was on Sun, Sep 20, 2026, recorded at 2026-09-20T10:00:00Z');
    const { provider: refusing } = failing({ code: 'BAD_USER_INPUT', fields: { date: ['this one was on 2026-09-20'] } }, 'Invalid input');
    const invalid = await refusing.create('activities', { data: {} }).catch((caught) => caught);
    expect(invalid.body.errors.date).toBe('this one was on Sun, Sep 20, 2026');
  });

  it('a stale version asks the user to reload', async () => {
    const { provider } = failing({ code: 'CONFLICT', reason: 'STALE_VERSION' }, 'This record was changed by someone else');
    const error = await provider
      .update('schools', { id: '1', data: { name: 'B' }, previousData: { id: '1', name: 'A', version: 1 } })
      .catch((caught) => caught);
    expect(error.status).toBe(409);
    expect(error.message).toMatch(/Reload the page/);
    expect(error.body.errors).toBeUndefined();
  });

  it.each([
    ['UNAUTHENTICATED', 401],
    ['FORBIDDEN', 403],
    ['NOT_FOUND', 404],
    ['RATE_LIMITED', 429],
    ['INTERNAL_SERVER_ERROR', 500],
  ])('%s becomes HTTP status %i (401 makes the auth provider log out)', async (code, status) => {
    const { provider } = failing({ code });
    await expect(
      provider.getList('agencies', { pagination: { page: 1, perPage: 5 }, sort: { field: 'name', order: 'ASC' }, filter: {} }),
    ).rejects.toMatchObject({
      status,
    });
  });

  it('a network failure is an error the user can read', async () => {
    const provider = createDataProvider(
      createGraphQLClient(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    await expect(provider.getOne('schools', { id: '1' })).rejects.toMatchObject({
      status: 503,
      message: expect.stringMatching(/Cannot reach the server/),
    });
  });
});
