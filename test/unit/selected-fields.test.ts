import { parse, type OperationDefinitionNode } from 'graphql';
import { buildApiSchema } from '../../server/src/graphql/schema';
import { selectedFields } from '../../server/src/db/read-path';

describe('the fields an operation selects, by type', () => {
  it('follows nested fields, fragments and inline fragments to their types', async () => {
    const schema = await buildApiSchema({
      session: { idleMinutes: 30, absoluteHours: 8 },
      reports: { programYearStartMonth: 7, smallCells: { minOfficers: 3, minActivities: 10 } },
      apiTokens: { defaultDays: 365, maxDays: 365 },
    });
    const document = parse(`
      query Page($day: Date) {
        schools(perPage: 5) { totalCount items { id name assignmentsOn(date: $day) { id ...Held } } }
        officers { items { ... on Officer { email } lastName @skip(if: true) } }
      }
      fragment Held on Assignment { role officer { firstName agency { name } } }`);
    const operation = document.definitions[0] as OperationDefinitionNode;
    const selected = selectedFields(schema, document, operation);
    const names = (type: string) => [...(selected.get(type) ?? [])].sort();
    expect(names('School')).toEqual(['assignmentsOn', 'id', 'name']);
    expect(names('Assignment')).toEqual(['id', 'officer', 'role']);
    // Officers are reached twice: through the fragment and through the list; skipped fields count too.
    expect(names('Officer')).toEqual(['agency', 'email', 'firstName', 'lastName']);
    expect(names('Agency')).toEqual(['name']);
    expect(selected.get('Activity')).toBeUndefined();
    expect(selectedFields(schema, document, operation)).toBe(selected);
  });
});
