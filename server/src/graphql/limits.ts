import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  getNullableType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  Lexer,
  SchemaMetaFieldDef,
  Source,
  TokenKind,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { DomainError, ErrorCode } from '../common/errors';
import { MAX_PER_PAGE } from '../common/list';

/** What one GraphQL document may ask for (config.ts reads them from GRAPHQL_MAX_*). */
export interface QueryLimits {
  /** Nesting of fields: `{ schools { items { name } } }` is 3 deep. Introspection fields are not counted (see cost). */
  maxDepth: number;
  /** Aliased fields in the operation, counted through fragments. */
  maxAliases: number;
  /** Directives (`@include`, `@skip`...) in the operation, counted through fragments. */
  maxDirectives: number;
  /** Lexical tokens of the query text (names, punctuation, values; comments are free). */
  maxTokens: number;
  /** Characters of the query text. */
  maxQueryLength: number;
  /** Estimated fields returned: every field counts 1 per object it is asked on; see `operationCost`. */
  maxCost: number;
}

/**
 * How many items a list without `perPage` is assumed to hold: report breakdowns, an officer's assignments on a
 * day, bulk mutation results without literal ids. Schools and officers number in the tens in a district.
 */
export const UNPAGED_LIST_SIZE = 20;

/** A document refused by a limit. It carries HTTP 400 for Apollo, and its own code for the client. */
export class QueryLimitError extends DomainError {
  constructor(code: ErrorCode, message: string, details: { limit: number; actual?: number }) {
    super(code, message, { ...details, http: { status: 400 } });
  }
}

const tooLarge = (what: string, actual: number | undefined, limit: number) =>
  new QueryLimitError(
    ErrorCode.QUERY_TOO_LARGE,
    `The query is too large: ${actual === undefined ? `more than ${limit}` : actual} ${what}, the limit is ${limit}. Send a smaller query.`,
    { limit, ...(actual === undefined ? {} : { actual }) },
  );

/**
 * The checks on the query text, before it is parsed: characters, then tokens. Comments are not tokens, which is
 * why the character limit exists too. A syntax error is left to the parser, which reports it better.
 */
export function checkQuerySize(query: string, limits: QueryLimits): QueryLimitError | undefined {
  if (query.length > limits.maxQueryLength) return tooLarge('characters', query.length, limits.maxQueryLength);
  const lexer = new Lexer(new Source(query));
  let tokens = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) {
      if (++tokens > limits.maxTokens) return tooLarge('tokens', undefined, limits.maxTokens);
    }
  } catch {
    return undefined;
  }
  return undefined;
}

interface Shape {
  depth: number;
  aliases: number;
  directives: number;
}

const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

/**
 * Depth, aliases and directives of a selection set, through its fragments. Each fragment is measured once
 * (a fragment spread many times is counted as many times without being walked again), and a fragment that
 * spreads itself counts as empty: the validation already refused the document.
 */
class ShapeMeter {
  private readonly memo = new Map<string, Shape>();
  private readonly open = new Set<string>();

  constructor(private readonly fragments: Map<string, FragmentDefinitionNode>) {}

  measure(selectionSet: SelectionSetNode, inIntrospection: boolean): Shape {
    const shape: Shape = { depth: 0, aliases: 0, directives: 0 };
    for (const selection of selectionSet.selections) {
      shape.directives += selection.directives?.length ?? 0;
      let inner: Shape = { depth: 0, aliases: 0, directives: 0 };
      let ownLevel = 0;
      if (selection.kind === Kind.FIELD) {
        if (selection.alias) shape.aliases++;
        const introspection = inIntrospection || INTROSPECTION_ROOTS.has(selection.name.value);
        ownLevel = introspection ? 0 : 1;
        if (selection.selectionSet) inner = this.measure(selection.selectionSet, introspection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = this.measure(selection.selectionSet, inIntrospection);
      } else {
        inner = this.fragment(selection.name.value, inIntrospection);
      }
      shape.depth = Math.max(shape.depth, ownLevel + inner.depth);
      shape.aliases += inner.aliases;
      shape.directives += inner.directives;
    }
    return shape;
  }

  private fragment(name: string, inIntrospection: boolean): Shape {
    const key = `${name}:${inIntrospection}`;
    const known = this.memo.get(key);
    if (known) return known;
    const fragment = this.fragments.get(name);
    if (!fragment || this.open.has(key)) return { depth: 0, aliases: 0, directives: 0 };
    this.open.add(key);
    const measured = this.measure(fragment.selectionSet, inIntrospection);
    measured.directives += fragment.directives?.length ?? 0;
    this.open.delete(key);
    this.memo.set(key, measured);
    return measured;
  }
}

/**
 * Sizes of introspection lists, from the schema itself: `types` is the number of types, `fields` the average
 * number of fields per type (counting the types without fields as none), and so on. So the estimate of
 * `types { fields { name } }` is the real number of fields, and that of a cyclic query
 * (`types { fields { type { fields ...`) grows as fast as its answer would.
 */
const introspectionSizes = new WeakMap<GraphQLSchema, Map<string, number>>();

function introspectionListSizes(schema: GraphQLSchema): Map<string, number> {
  const known = introspectionSizes.get(schema);
  if (known) return known;
  const types = Object.values(schema.getTypeMap());
  const perType = (count: (type: GraphQLNamedType) => number) => types.reduce((sum, type) => sum + count(type), 0) / types.length;
  const fields = types.flatMap((type) => (isObjectType(type) || isInterfaceType(type) ? Object.values(type.getFields()) : []));
  const directives = schema.getDirectives();
  const sizes = new Map<string, number>([
    ['__Schema.types', types.length],
    ['__Schema.directives', directives.length],
    ['__Type.fields', perType((type) => (isObjectType(type) || isInterfaceType(type) ? Object.keys(type.getFields()).length : 0))],
    ['__Type.inputFields', perType((type) => (isInputObjectType(type) ? Object.keys(type.getFields()).length : 0))],
    ['__Type.enumValues', perType((type) => (isEnumType(type) ? type.getValues().length : 0))],
    ['__Type.interfaces', perType((type) => (isObjectType(type) || isInterfaceType(type) ? type.getInterfaces().length : 0))],
    ['__Type.possibleTypes', perType((type) => (isAbstractType(type) ? schema.getPossibleTypes(type).length : 0))],
    ['__Field.args', fields.reduce((sum, field) => sum + field.args.length, 0) / Math.max(1, fields.length)],
    ['__Directive.args', directives.reduce((sum, directive) => sum + directive.args.length, 0) / Math.max(1, directives.length)],
  ]);
  introspectionSizes.set(schema, sizes);
  return sizes;
}

function integerValue(
  node: ValueNode | undefined,
  variables: Record<string, unknown>,
  defaults: Map<string, ValueNode>,
): number | undefined {
  if (!node) return undefined;
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) {
    const value = variables[node.name.value];
    if (value === undefined) return integerValue(defaults.get(node.name.value), variables, defaults);
    return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
  }
  return undefined;
}

function listLength(node: ValueNode | undefined, variables: Record<string, unknown>): number | undefined {
  if (!node) return undefined;
  if (node.kind === Kind.LIST) return node.values.length;
  if (node.kind === Kind.VARIABLE) {
    const value = variables[node.name.value];
    return Array.isArray(value) ? value.length : undefined;
  }
  return undefined;
}

/**
 * The estimated size of an operation's answer: every field counts 1 for each object it is asked on. A list
 * multiplies what is asked inside it by its size: `perPage` for paginated lists (its default when left out, 500
 * when it cannot be read), the number of ids for bulk mutations, the schema's own sizes for introspection, and
 * UNPAGED_LIST_SIZE otherwise. So `schools(perPage: 500) { items { name } }` costs 1 + 1 + 500 = 502, and
 * 500 schools x 500 assignments x 500 activities costs more than 125 million.
 */
export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): number {
  const sizes = introspectionListSizes(schema);
  const defaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) defaults.set(definition.variable.name.value, definition.defaultValue);
  }
  // The cost of a selection set is linear in how many times it is asked, so a fragment is walked once per type
  // and page size, and its cost reused: fragments spread in fragments cannot make this exponential.
  const memo = new Map<string, number>();
  const open = new Set<string>();

  const fieldDefinition = (parent: GraphQLNamedType, node: FieldNode): GraphQLField<unknown, unknown> | undefined => {
    const name = node.name.value;
    if (name === SchemaMetaFieldDef.name && parent === schema.getQueryType()) return SchemaMetaFieldDef;
    if (name === TypeMetaFieldDef.name && parent === schema.getQueryType()) return TypeMetaFieldDef;
    if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
    return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
  };

  const pageSizeOf = (field: GraphQLField<unknown, unknown>, node: FieldNode): number | undefined => {
    const argument = field.args.find((arg) => arg.name === 'perPage');
    if (!argument) return undefined;
    const given = node.arguments?.find((arg) => arg.name.value === 'perPage')?.value;
    const value = given
      ? integerValue(given, variables, defaults)
      : typeof argument.defaultValue === 'number'
        ? argument.defaultValue
        : undefined;
    return value === undefined ? MAX_PER_PAGE : Math.min(MAX_PER_PAGE, Math.max(1, value));
  };

  const listSize = (
    parent: GraphQLNamedType,
    field: GraphQLField<unknown, unknown>,
    node: FieldNode,
    pageSize: number | undefined,
  ): number => {
    if (!isListType(getNullableType(field.type))) return 1;
    if (pageSize !== undefined) return pageSize;
    const introspection = sizes.get(`${parent.name}.${field.name}`);
    if (introspection !== undefined) return introspection;
    for (const argument of node.arguments ?? []) {
      const length = listLength(argument.value, variables);
      if (length !== undefined) return Math.max(1, length);
    }
    return UNPAGED_LIST_SIZE;
  };

  const selectionCost = (selectionSet: SelectionSetNode, parent: GraphQLNamedType, pageSize: number | undefined): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const field = fieldDefinition(parent, selection);
        if (!field) continue;
        total += 1;
        if (!selection.selectionSet) continue;
        // A paginated field returns a page object whose list (`items`) holds perPage rows.
        const page = pageSizeOf(field, selection);
        const returnsList = isListType(getNullableType(field.type));
        const size = page !== undefined && returnsList ? page : listSize(parent, field, selection, pageSize);
        total += size * selectionCost(selection.selectionSet, getNamedType(field.type), returnsList ? undefined : page);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (type) total += selectionCost(selection.selectionSet, type, pageSize);
      } else {
        const fragment = fragments.get(selection.name.value);
        const type = fragment && schema.getType(fragment.typeCondition.name.value);
        if (!fragment || !type) continue;
        const key = `${fragment.name.value}:${pageSize ?? ''}`;
        if (open.has(key)) continue;
        if (!memo.has(key)) {
          open.add(key);
          memo.set(key, selectionCost(fragment.selectionSet, type, pageSize));
          open.delete(key);
        }
        total += memo.get(key)!;
      }
      if (total === Infinity) return total;
    }
    return total;
  };

  const root = schema.getRootType(operation.operation);
  return root ? selectionCost(operation.selectionSet, root, undefined) : 0;
}

/** Depth, aliases, directives and cost of the operation about to run; the first limit it breaks, if any. */
export function checkOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  limits: QueryLimits,
): QueryLimitError | undefined {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const shape = new ShapeMeter(fragments).measure(operation.selectionSet, false);
  shape.directives += operation.directives?.length ?? 0;
  if (shape.depth > limits.maxDepth) {
    return new QueryLimitError(
      ErrorCode.QUERY_TOO_DEEP,
      `The query nests fields ${shape.depth} levels deep; the limit is ${limits.maxDepth}.`,
      {
        limit: limits.maxDepth,
        actual: shape.depth,
      },
    );
  }
  if (shape.aliases > limits.maxAliases) {
    return new QueryLimitError(ErrorCode.TOO_MANY_ALIASES, `The query uses ${shape.aliases} aliases; the limit is ${limits.maxAliases}.`, {
      limit: limits.maxAliases,
      actual: shape.aliases,
    });
  }
  if (shape.directives > limits.maxDirectives) {
    return new QueryLimitError(
      ErrorCode.TOO_MANY_DIRECTIVES,
      `The query uses ${shape.directives} directives; the limit is ${limits.maxDirectives}.`,
      {
        limit: limits.maxDirectives,
        actual: shape.directives,
      },
    );
  }
  const cost = operationCost(schema, operation, fragments, variables);
  if (cost > limits.maxCost) {
    return new QueryLimitError(
      ErrorCode.QUERY_TOO_COMPLEX,
      `The query could return about ${Number.isFinite(cost) ? Math.round(cost) : 'infinitely many'} fields; the limit is ${limits.maxCost}. ` +
        'Ask for fewer rows per page (perPage) or fewer nested lists.',
      { limit: limits.maxCost, ...(Number.isFinite(cost) ? { actual: Math.round(cost) } : {}) },
    );
  }
  return undefined;
}

/**
 * Refuses an operation that breaks a limit, once it is parsed and validated and before anything runs (no
 * transaction is opened). The size of the text is checked earlier, in the HTTP layer, before parsing.
 */
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          const refused = operation && checkOperation(schema, document, operation, request.variables ?? {}, limits);
          if (refused) throw refused;
        },
      };
    },
  };
}
