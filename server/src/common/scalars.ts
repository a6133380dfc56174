import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isCalendarDate } from './dates';

function parseCalendarDate(value: unknown): string {
  if (typeof value !== 'string' || !isCalendarDate(value)) {
    throw new GraphQLError(`Date must be a calendar date written YYYY-MM-DD; got ${JSON.stringify(value)}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

/** A calendar date without time or zone, `YYYY-MM-DD`. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date without a time or time zone, written YYYY-MM-DD (ISO 8601), such as 2026-09-14.',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : parseCalendarDate(value)),
  parseValue: parseCalendarDate,
  parseLiteral: (ast) => parseCalendarDate(ast.kind === Kind.STRING ? ast.value : undefined),
});
