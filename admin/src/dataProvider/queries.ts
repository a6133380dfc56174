import { graphqlNames, type ResourceDefinition } from './resources';

/** The GraphQL documents the data provider sends, built from a resource definition. */
export function listQuery(definition: ResourceDefinition): string {
  const names = graphqlNames(definition);
  return `query ${definition.typeName}List($filter: ${names.filterType}, $sort: ${names.sortType}, $page: Int!, $perPage: Int!) {
  result: ${names.list}(filter: $filter, sort: $sort, page: $page, perPage: $perPage) { items { ${definition.selection} } totalCount }
}`;
}

export function oneQuery(definition: ResourceDefinition): string {
  const names = graphqlNames(definition);
  return `query ${definition.typeName}One($id: ID!) { result: ${names.one}(id: $id) { ${definition.selection} } }`;
}

export function createMutation(definition: ResourceDefinition): string {
  const names = graphqlNames(definition);
  return `mutation ${definition.typeName}Create($input: ${names.createInput}!) { result: ${names.create}(input: $input) { ${definition.selection} } }`;
}

export function updateMutation(definition: ResourceDefinition): string {
  const names = graphqlNames(definition);
  return `mutation ${definition.typeName}Update($id: ID!, $input: ${names.updateInput}!) { result: ${names.update}(id: $id, input: $input) { ${definition.selection} } }`;
}

export function deleteMutation(definition: ResourceDefinition): string {
  const names = graphqlNames(definition);
  return `mutation ${definition.typeName}Delete($id: ID!) { result: ${names.delete}(id: $id) { ${definition.selection} } }`;
}

export function updateManyMutation(definition: ResourceDefinition): string {
  const names = graphqlNames(definition);
  return `mutation ${definition.typeName}UpdateMany($ids: [ID!]!, $input: ${names.bulkUpdateInput}!) { result: ${names.updateMany}(ids: $ids, input: $input) { id } }`;
}

export function deleteManyMutation(definition: ResourceDefinition): string {
  const names = graphqlNames(definition);
  return `mutation ${definition.typeName}DeleteMany($ids: [ID!]!) { result: ${names.deleteMany}(ids: $ids) { id } }`;
}
