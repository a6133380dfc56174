import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

type Method = (...params: unknown[]) => unknown;

/**
 * Field resolvers that take only their parent (`@Root()`) and the request context (`@Ctx()`), and have no
 * middleware and no `@Authorized`, are called straight from the schema instead of through type-graphql's generic
 * handler, which on every call sorts and converts the parameters and asks its container for the resolver. A page
 * of 25 officers makes 125 such calls, 100 schools with their officers 800. What the method does (its `requireActor`
 * and policy checks) is unchanged; anything with arguments, middlewares or roles keeps type-graphql's handler.
 *
 * `resolvers` are the classes given to `buildSchema`: type-graphql picks a field's resolver among them the same way.
 */
export function callFieldResolversDirectly(schema: GraphQLSchema, resolvers: readonly object[]): void {
  const storage = getMetadataStorage();
  const instances = new Map<object, Record<string, Method>>();
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type)) continue;
    const fields = type.getFields();
    for (const field of objectType.fields ?? []) {
      const resolver = storage.fieldResolvers.find(
        (candidate) =>
          (candidate.kind === 'internal' || resolvers.includes(candidate.target)) &&
          candidate.getObjectType?.() === field.target &&
          candidate.methodName === field.name,
      );
      const params = resolver?.params ?? [];
      const plain =
        resolver?.kind === 'external' &&
        resolver.roles === undefined &&
        (resolver.middlewares ?? []).length === 0 &&
        params.every((param) => (param.kind === 'root' || param.kind === 'context') && !('propertyName' in param && param.propertyName));
      const schemaField = fields[field.schemaName];
      if (!resolver || !plain || !schemaField) continue;

      let instance = instances.get(resolver.target);
      if (!instance) instances.set(resolver.target, (instance = new (resolver.target as new () => Record<string, Method>)()));
      const method = instance[resolver.methodName];
      const target = instance;
      const kinds = [...params].sort((a, b) => a.index - b.index).map((param) => param.kind);
      const resolve: GraphQLFieldResolver<unknown, unknown> =
        kinds.length === 2 && kinds[0] === 'root' && kinds[1] === 'context'
          ? (root, _args, context) => method.call(target, root, context)
          : (root, _args, context) =>
              method.apply(
                target,
                kinds.map((kind) => (kind === 'root' ? root : context)),
              );
      schemaField.resolve = resolve;
    }
  }
}
