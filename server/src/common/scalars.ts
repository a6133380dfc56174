import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isCalendarDate, ISO_DATE } from './dates';

function parseCalendarDate(value: unknown): string {
  if (typeof value !== 'string' || !isCalendarDate(value)) {
    throw new GraphQLError(`Date must be a calendar date from 0001-01-01 to 9999-12-31 written YYYY-MM-DD; got ${JSON.stringify(value)}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

/** A calendar date without time or zone, `YYYY-MM-DD`. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description:
    'A calendar date without a time or time zone, written YYYY-MM-DD (ISO 8601), such as 2026-09-14; from 0001-01-01 to 9999-12-31.',
  // Answers carry dates the database or the program wrote: checking their form is enough (a report has thousands).
  serialize: (value) => {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value === 'string' && ISO_DATE.test(value)) return value;
    throw new GraphQLError(`Date cannot represent ${JSON.stringify(value)}`);
  },
  parseValue: parseCalendarDate,
  parseLiteral: (ast) => parseCalendarDate(ast.kind === Kind.STRING ? ast.value : undefined),
});
