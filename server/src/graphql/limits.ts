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
  SchemaMetaFieldDef,
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

/** The cost of the operation about to run, if over `maxCost`. */
export function checkCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  maxCost: number,
): QueryLimitError | undefined {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const cost = operationCost(schema, operation, fragments, variables);
  if (cost <= maxCost) return undefined;
  return new QueryLimitError(
    ErrorCode.QUERY_TOO_COMPLEX,
    `The query could return about ${Number.isFinite(cost) ? Math.round(cost) : 'infinitely many'} fields; the limit is ${maxCost}. ` +
      'Ask for fewer rows per page (perPage) or fewer nested lists.',
    { limit: maxCost, ...(Number.isFinite(cost) ? { actual: Math.round(cost) } : {}) },
  );
}

/**
 * Refuses an operation whose estimated answer is over GRAPHQL_MAX_COST, once it is parsed and validated and its
 * variables are known, before anything runs (no transaction is opened). The other limits are graphql-armor's
 * (armor.ts): the size of the text in the HTTP layer, depth, aliases and directives in Apollo's validation.
 */
export function queryCostPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          const refused = operation && checkCost(schema, document, operation, request.variables ?? {}, maxCost);
          if (refused) throw refused;
        },
      };
    },
  };
}
