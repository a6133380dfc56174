import { buildSchema, GraphQLEnumType, GraphQLInputObjectType } from 'graphql';
import fs from 'node:fs';
import path from 'node:path';
import { Role } from '../../server/src/common/actor';
import { assignmentSortColumns } from '../../server/src/modules/assignment/assignment.inputs';
import { OfficerStatus } from '../../server/src/modules/officer/officer.entity';
import { officerSortColumns } from '../../server/src/modules/officer/officer.inputs';
import { officerPolicy } from '../../server/src/modules/officer/officer.policy';
import { TestApp } from '../support/app';
import { Factory, unique } from '../support/factories';

// The role x operation table of authorization.test.ts, for filters and sorts on hidden fields: a filter or sort on
// a field applies to a row only where the caller may read the field; elsewhere the row behaves as if the value
// were null (never matched, sorted last, ties by id). Officers A1 and A2 are agency A's, B1 and B2 agency B's,
// created in that order (so by id); chief A sees A's officers in full, chief B B's, the officer user is A1.

type Caller = 'admin' | 'chiefA' | 'chiefB' | 'analyst' | 'officer';
const CALLERS: Caller[] = ['admin', 'chiefA', 'chiefB', 'analyst', 'officer'];
type Label = 'A1' | 'A2' | 'B1' | 'B2';
const LABELS: Label[] = ['A1', 'A2', 'B1', 'B2'];

// Within each agency the order by every sorted field differs from the order by id, and the agencies interleave.
const BADGE: Record<Label, string> = { A1: '20', A2: '40', B1: '30', B2: '10' };
const SRO_SINCE: Record<Label, string> = { A1: '2019-01-01', A2: '2021-01-01', B1: '2020-01-01', B2: '2018-01-01' };
const STATUS: Record<Label, OfficerStatus> = {
  A1: OfficerStatus.ACTIVE,
  A2: OfficerStatus.ON_LEAVE,
  B1: OfficerStatus.ON_LEAVE,
  B2: OfficerStatus.ACTIVE,
};

/** What each caller gets through the officers list and through each agency's officers edge (agency A, then B). */
interface Answer {
  list: Label[];
  edges: Label[][];
}

describe('authorization: filters and sorts on hidden fields x every role', () => {
  let app: TestApp;
  const tokens = {} as Record<Caller, string>;
  const ids = {} as Record<Label, string>;
  const agencyIds: string[] = [];
  const assignmentIds: string[] = [];
  const tag = unique('K').replace(/\W/g, '');

  beforeAll(async () => {
    app = await TestApp.start();
    const factory = new Factory(app.orm);
    const agencies = { A: await factory.agency(), B: await factory.agency() };
    agencyIds.push(String(agencies.A.id), String(agencies.B.id));
    const officers = {} as Record<Label, Awaited<ReturnType<Factory['officer']>>>;
    for (const label of LABELS) {
      officers[label] = await factory.officer(agencies[label[0] as 'A' | 'B'], {
        badgeNumber: `${tag}-${BADGE[label]}`,
        sroSince: SRO_SINCE[label],
        sroTrainingCompletedOn: '2017-06-01',
        notes: `notes of ${label}`,
        email: `${label.toLowerCase()}@example.org`,
      });
      ids[label] = String(officers[label].id);
      // An assignment with notes, made while the officer is ACTIVE (only they get new assignments).
      const assignment = await factory.assignment(officers[label], await factory.school(), { notes: `assignment of ${label}` });
      assignmentIds.push(String(assignment.id));
    }
    await app.orm.em.getConnection().execute(`update officer set status = 'ON_LEAVE' where id in (?, ?)`, [officers.A2.id, officers.B1.id]);
    expect(LABELS.filter((label) => STATUS[label] === OfficerStatus.ON_LEAVE)).toEqual(['A2', 'B1']);
    tokens.admin = (await factory.user(Role.ADMIN)).token;
    tokens.chiefA = (await factory.user(Role.AGENCY_CHIEF, { agency: agencies.A })).token;
    tokens.chiefB = (await factory.user(Role.AGENCY_CHIEF, { agency: agencies.B })).token;
    tokens.analyst = (await factory.user(Role.ANALYST)).token;
    tokens.officer = (await factory.user(Role.OFFICER, { officer: officers.A1 })).token;
  });
  afterAll(() => app.stop());

  const labelOf = (id: string) => LABELS.find((label) => ids[label] === id) ?? id;
  const labels = (items: { id: string }[]) => items.map((item) => labelOf(item.id) as Label);

  /** The officers list and each agency's officers edge, with the same filter and sort. */
  const VARIABLE_TYPES: Record<string, string> = { q: 'String', status: 'OfficerStatus' };
  async function officers(caller: Caller, filter: string, sort: string, variables: Record<string, unknown> = {}): Promise<Answer> {
    const arguments_ = `filter: { ids: $ids ${filter} }, sort: ${sort}`;
    const response = await app.graphql(
      `query($ids: [ID!], $agencies: [ID!]${Object.keys(variables)
        .map((name) => `, $${name}: ${VARIABLE_TYPES[name]}`)
        .join('')}) {
        officers(${arguments_}) { items { id } }
        agencies(filter: { ids: $agencies }, sort: { field: CREATED_AT }) { items { officers(${arguments_}) { items { id } } } }
      }`,
      { ids: LABELS.map((label) => ids[label]), agencies: agencyIds, ...variables },
      tokens[caller],
    );
    expect(response.errors).toBeUndefined();
    return {
      list: labels(response.data!.officers.items),
      edges: response.data!.agencies.items.map((agency: { officers: { items: { id: string }[] } }) => labels(agency.officers.items)),
    };
  }

  /** Each caller's answer to one operation. */
  const table = async (run: (caller: Caller) => Promise<Answer>) =>
    Object.fromEntries(await Promise.all(CALLERS.map(async (caller) => [caller, await run(caller)] as const)));

  // The officer user reads only its own agency and itself: A1, in agency A's edge.
  const officerOnly: Answer = { list: ['A1'], edges: [['A1']] };

  describe('filters', () => {
    it('q matches a badge number only where the caller may read it, and names everywhere', async () => {
      expect(await table((caller) => officers(caller, 'q: $q', '{ field: CREATED_AT }', { q: `${tag}-` }))).toEqual({
        admin: {
          list: ['A1', 'A2', 'B1', 'B2'],
          edges: [
            ['A1', 'A2'],
            ['B1', 'B2'],
          ],
        },
        chiefA: { list: ['A1', 'A2'], edges: [['A1', 'A2'], []] },
        chiefB: { list: ['B1', 'B2'], edges: [[], ['B1', 'B2']] },
        analyst: {
          list: ['A1', 'A2', 'B1', 'B2'],
          edges: [
            ['A1', 'A2'],
            ['B1', 'B2'],
          ],
        },
        officer: officerOnly,
      });
      const { lastName } = (await app.graphql(`query($id: ID!) { officer(id: $id) { lastName } }`, { id: ids.B1 }, tokens.admin)).data!
        .officer;
      const byName: Answer = { list: ['B1'], edges: [[], ['B1']] };
      expect(await table((caller) => officers(caller, 'q: $q', '{ field: CREATED_AT }', { q: lastName }))).toEqual({
        admin: byName,
        chiefA: byName,
        chiefB: byName,
        analyst: byName,
        officer: { list: [], edges: [[]] },
      });
    });

    it('status matches only where the caller may read it', async () => {
      expect(await table((caller) => officers(caller, 'status: $status', '{ field: CREATED_AT }', { status: 'ON_LEAVE' }))).toEqual({
        admin: { list: ['A2', 'B1'], edges: [['A2'], ['B1']] },
        chiefA: { list: ['A2'], edges: [['A2'], []] },
        chiefB: { list: ['B1'], edges: [[], ['B1']] },
        analyst: { list: ['A2', 'B1'], edges: [['A2'], ['B1']] },
        officer: { list: [], edges: [[]] },
      });
    });
  });

  describe('sorts: hidden values come last, by id, in both directions', () => {
    // Badge and SRO-since dates rank the officers alike: B2, A1, B1, A2.
    for (const field of ['BADGE_NUMBER', 'SRO_SINCE'] as const) {
      it(`${field} ascending`, async () => {
        expect(await table((caller) => officers(caller, '', `{ field: ${field}, order: ASC }`))).toEqual({
          admin: {
            list: ['B2', 'A1', 'B1', 'A2'],
            edges: [
              ['A1', 'A2'],
              ['B2', 'B1'],
            ],
          },
          chiefA: {
            list: ['A1', 'A2', 'B1', 'B2'],
            edges: [
              ['A1', 'A2'],
              ['B1', 'B2'],
            ],
          },
          chiefB: {
            list: ['B2', 'B1', 'A1', 'A2'],
            edges: [
              ['A1', 'A2'],
              ['B2', 'B1'],
            ],
          },
          analyst: {
            list: ['B2', 'A1', 'B1', 'A2'],
            edges: [
              ['A1', 'A2'],
              ['B2', 'B1'],
            ],
          },
          officer: officerOnly,
        });
      });

      it(`${field} descending`, async () => {
        expect(await table((caller) => officers(caller, '', `{ field: ${field}, order: DESC }`))).toEqual({
          admin: {
            list: ['A2', 'B1', 'A1', 'B2'],
            edges: [
              ['A2', 'A1'],
              ['B1', 'B2'],
            ],
          },
          chiefA: {
            list: ['A2', 'A1', 'B2', 'B1'],
            edges: [
              ['A2', 'A1'],
              ['B2', 'B1'],
            ],
          },
          chiefB: {
            list: ['B1', 'B2', 'A2', 'A1'],
            edges: [
              ['A2', 'A1'],
              ['B1', 'B2'],
            ],
          },
          analyst: {
            list: ['A2', 'B1', 'A1', 'B2'],
            edges: [
              ['A2', 'A1'],
              ['B1', 'B2'],
            ],
          },
          officer: officerOnly,
        });
      });
    }

    it('STATUS ascending', async () => {
      expect(await table((caller) => officers(caller, '', '{ field: STATUS, order: ASC }'))).toEqual({
        admin: {
          list: ['A1', 'B2', 'A2', 'B1'],
          edges: [
            ['A1', 'A2'],
            ['B2', 'B1'],
          ],
        },
        chiefA: {
          list: ['A1', 'A2', 'B1', 'B2'],
          edges: [
            ['A1', 'A2'],
            ['B1', 'B2'],
          ],
        },
        chiefB: {
          list: ['B2', 'B1', 'A1', 'A2'],
          edges: [
            ['A1', 'A2'],
            ['B2', 'B1'],
          ],
        },
        analyst: {
          list: ['A1', 'B2', 'A2', 'B1'],
          edges: [
            ['A1', 'A2'],
            ['B2', 'B1'],
          ],
        },
        officer: officerOnly,
      });
    });

    it('STATUS descending', async () => {
      expect(await table((caller) => officers(caller, '', '{ field: STATUS, order: DESC }'))).toEqual({
        admin: {
          list: ['B1', 'A2', 'B2', 'A1'],
          edges: [
            ['A2', 'A1'],
            ['B1', 'B2'],
          ],
        },
        chiefA: {
          list: ['A2', 'A1', 'B2', 'B1'],
          edges: [
            ['A2', 'A1'],
            ['B2', 'B1'],
          ],
        },
        chiefB: {
          list: ['B1', 'B2', 'A2', 'A1'],
          edges: [
            ['A2', 'A1'],
            ['B1', 'B2'],
          ],
        },
        analyst: {
          list: ['B1', 'A2', 'B2', 'A1'],
          edges: [
            ['A2', 'A1'],
            ['B1', 'B2'],
          ],
        },
        officer: officerOnly,
      });
    });
  });

  it('answers every hidden field, and assignment notes, only where the caller may read it', async () => {
    const fields = ['badgeNumber', 'status', 'sroSince', 'sroTrainingCompletedOn', 'notes', 'email', 'phone'] as const;
    const shown = async (caller: Caller) => {
      const response = await app.graphql(
        `query($ids: [ID!], $assignments: [ID!]) {
          officers(filter: { ids: $ids }, sort: { field: CREATED_AT }) { items { id ${fields.join(' ')} assignments { items { notes } } } }
          assignments(filter: { ids: $assignments }, sort: { field: CREATED_AT }) { items { notes officer { id } } }
        }`,
        { ids: LABELS.map((label) => ids[label]), assignments: assignmentIds },
        tokens[caller],
      );
      expect(response.errors).toBeUndefined();
      type Row = Record<string, unknown> & { id: string; assignments: { items: { notes: string | null }[] } };
      const items = response.data!.officers.items as Row[];
      const byField = Object.fromEntries(
        fields.map((field) => [field, items.filter((item) => item[field] !== null).map((item) => labelOf(item.id))]),
      );
      const assignments = response.data!.assignments.items as { notes: string | null; officer: { id: string } }[];
      return {
        ...byField,
        assignmentNotesByEdge: items.filter((item) => item.assignments.items.some((a) => a.notes !== null)).map((item) => labelOf(item.id)),
        assignmentNotes: assignments.filter((assignment) => assignment.notes !== null).map((assignment) => labelOf(assignment.officer.id)),
      };
    };
    const all = ['A1', 'A2', 'B1', 'B2'];
    const [ownA, ownB] = [
      ['A1', 'A2'],
      ['B1', 'B2'],
    ];
    const row = (details: string[], privately: string[]) => ({
      badgeNumber: details,
      status: details,
      sroSince: details,
      sroTrainingCompletedOn: details,
      notes: details,
      email: privately,
      phone: privately,
      assignmentNotesByEdge: privately,
      assignmentNotes: privately,
    });
    const answers = Object.fromEntries(await Promise.all(CALLERS.map(async (caller) => [caller, await shown(caller)] as const)));
    expect(answers).toEqual({
      admin: row(all, all),
      chiefA: row(ownA, ownA),
      chiefB: row(ownB, ownB),
      analyst: row(all, []),
      officer: row(['A1'], ['A1']),
    });
  });

  it('has a row for every filter and sort that reaches a hidden field, and no other list filters or sorts by one', () => {
    const schema = buildSchema(fs.readFileSync(path.join(__dirname, '../../schema/schema.graphql'), 'utf8'));
    // Each filter of the officers list: the hidden field it reaches, or null when it reaches none.
    const officerFilters: Record<string, string | null> = {
      q: 'badgeNumber',
      ids: null,
      agencyId: null,
      status: 'status',
      rank: null,
      schoolId: null,
      assignedOn: null,
      unassignedOn: null,
    };
    const filterType = schema.getType('OfficerFilter') as GraphQLInputObjectType;
    expect(Object.keys(filterType.getFields()).sort()).toEqual(Object.keys(officerFilters).sort());
    const hidden: string[] = officerPolicy.hiddenFields;
    expect(Object.values(officerFilters).filter((field) => field !== null && !hidden.includes(field))).toEqual([]);
    // The sorts above: exactly those of the officers list on a hidden field.
    const sortEnum = schema.getType('OfficerSortField') as GraphQLEnumType;
    expect(
      sortEnum
        .getValues()
        .map((value) => value.name)
        .sort(),
    ).toEqual(Object.keys(officerSortColumns).sort());
    const hiddenSorts = Object.entries(officerSortColumns).filter(([, property]) => hidden.includes(property));
    expect(hiddenSorts.map(([field]) => field).sort()).toEqual(['BADGE_NUMBER', 'SRO_SINCE', 'STATUS']);
    // Assignment notes are hidden too: no assignment filter or sort reads them.
    const assignmentFilter = schema.getType('AssignmentFilter') as GraphQLInputObjectType;
    expect(Object.keys(assignmentFilter.getFields())).not.toContain('notes');
    expect(Object.values(assignmentSortColumns)).not.toContain('notes');
  });
});
