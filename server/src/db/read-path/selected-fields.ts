import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** For each object type an operation reaches, the names of the fields it asks of that type anywhere. */
export type SelectedFields = ReadonlyMap<string, ReadonlySet<string>>;

const cache = new WeakMap<OperationDefinitionNode, SelectedFields>();

/**
 * The fields `operation` selects, by type, through fragments and inline fragments, whatever `@skip`/`@include`
 * say (a superset is safe: it only means a column more). Worked out once per parsed operation.
 */
export function selectedFields(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): SelectedFields {
  let selected = cache.get(operation);
  if (selected) return selected;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const byType = new Map<string, Set<string>>();
  const visited = new Map<SelectionSetNode, Set<string>>();

  const visit = (type: GraphQLObjectType, selectionSet: SelectionSetNode) => {
    // A selection set seen before for this type adds nothing (a fragment can be spread many times).
    const types = visited.get(selectionSet) ?? new Set<string>();
    if (types.has(type.name)) return;
    visited.set(selectionSet, types.add(type.name));
    let names = byType.get(type.name);
    if (!names) byType.set(type.name, (names = new Set()));
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        names.add(name);
        // A computed field names the columns it reads (`@Extensions({ reads: [...] })`): they are selected too.
        const reads = type.getFields()[name]?.extensions?.reads;
        if (Array.isArray(reads)) for (const column of reads as string[]) names.add(column);
        const fieldType = type.getFields()[name] && getNamedType(type.getFields()[name].type);
        if (selection.selectionSet && isObjectType(fieldType)) visit(fieldType, selection.selectionSet);
      } else {
        const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
        if (!fragment) continue;
        const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : type;
        if (isObjectType(condition)) visit(condition, fragment.selectionSet);
      }
    }
  };
  const root = schema.getRootType(operation.operation);
  if (root) visit(root, operation.selectionSet);
  selected = byType;
  cache.set(operation, selected);
  return selected;
}

/** A request context that learns which fields its operation selects (common/context.ts). */
export interface SelectionContext {
  selection?: SelectedFields;
}

/** Tells each request's context which fields its operation selects. */
export const selectionPlugin: ApolloServerPlugin<SelectionContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, schema, document, operation }) {
        if (operation) contextValue.selection = selectedFields(schema, document, operation);
      },
    };
  },
};
