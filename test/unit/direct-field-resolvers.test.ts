import { isObjectType, type GraphQLFieldResolver, type GraphQLResolveInfo } from 'graphql';
import { Role, type Actor } from '../../server/src/common/actor';
import { buildApiSchema } from '../../server/src/graphql/schema';
import { Officer } from '../../server/src/modules/officer/officer.entity';

const actor = (role: Role, agencyId: number | null = null): Actor => ({ userId: 1, role, agencyId, officerId: null, label: 'someone' });

describe('field resolvers called straight from the schema', () => {
  it("calls plain field resolvers directly, with the method's own checks, and leaves the others to type-graphql", async () => {
    const schema = await buildApiSchema({
      session: { idleMinutes: 30, absoluteHours: 8 },
      reports: { programYearStartMonth: 7, smallCells: { minOfficers: 3, minActivities: 10 } },
      apiTokens: { defaultDays: 365, maxDays: 365 },
    });
    const type = schema.getType('Officer');
    if (!isObjectType(type)) throw new Error('no Officer type');
    const fields = type.getFields();
    // type-graphql's handler takes (root, args, context, info); the direct call does not need info.
    expect(fields.email.resolve).toHaveLength(3);
    expect(fields.assignments.resolve).toHaveLength(4);
    expect(fields.firstName.resolve).toBeUndefined();
    // A scalar argument is handed over as GraphQL gave it; an input type (page, sort) keeps type-graphql's handler.
    expect(fields.assignmentsOn.resolve).toHaveLength(3);
    const school = schema.getType('School');
    if (!isObjectType(school)) throw new Error('no School type');
    expect(school.getFields().coverageStatus.resolve).toHaveLength(3);
    expect(school.getFields().activities.resolve).toHaveLength(4);

    const email = fields.email.resolve as GraphQLFieldResolver<Officer, { actor: Actor | null }>;
    const officer = Object.setPrototypeOf({ id: 7, agency: { id: 3 }, email: 'pat@agency.example' }, Officer.prototype) as Officer;
    const ask = (who: Actor | null) => email(officer, {}, { actor: who }, {} as GraphQLResolveInfo);
    expect(ask(actor(Role.ADMIN))).toBe('pat@agency.example');
    expect(ask(actor(Role.AGENCY_CHIEF, 3))).toBe('pat@agency.example');
    expect(ask(actor(Role.AGENCY_CHIEF, 4))).toBeNull();
    expect(ask(actor(Role.ANALYST))).toBeNull();
    expect(() => ask(null)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }));
  });
});
