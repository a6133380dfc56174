import { isObjectType, isScalarType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

type Method = (...params: unknown[]) => unknown;

type Param = NonNullable<ReturnType<typeof getMetadataStorage>['fieldResolvers'][number]['params']>[number];

/**
 * What type-graphql would hand the method for this parameter, when that is the value as GraphQL gave it: the
 * parent, the context, or a single scalar argument (type-graphql neither converts nor validates those).
 */
function plainParam(param: Param): ((root: unknown, args: Record<string, unknown>, context: unknown) => unknown) | undefined {
  if ('propertyName' in param && param.propertyName) return undefined;
  if (param.kind === 'root') return (root) => root;
  if (param.kind === 'context') return (_root, _args, context) => context;
  if (param.kind !== 'arg' || param.typeOptions.array || param.validateFn) return undefined;
  const type: unknown = param.getType();
  if (!isScalarType(type) && type !== String && type !== Number && type !== Boolean) return undefined;
  const name = param.name;
  return (_root, args) => args[name];
}

/**
 * Field resolvers that take only their parent (`@Root()`), the request context (`@Ctx()`) and scalar arguments,
 * and have no middleware and no `@Authorized`, are called straight from the schema instead of through
 * type-graphql's generic handler, which on every call sorts and converts the parameters (into a promise) and asks
 * its container for the resolver. A page of 25 officers makes 125 such calls, 100 schools with their officers 900.
 * What the method does (its `requireActor` and policy checks) is unchanged; anything with input-type arguments,
 * middlewares or roles keeps type-graphql's handler.
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
      const params = [...(resolver?.params ?? [])].sort((a, b) => a.index - b.index);
      const values = params.map(plainParam);
      const plain =
        resolver?.kind === 'external' &&
        resolver.roles === undefined &&
        (resolver.middlewares ?? []).length === 0 &&
        values.every((value) => value !== undefined);
      const schemaField = fields[field.schemaName];
      if (!resolver || !plain || !schemaField) continue;

      let instance = instances.get(resolver.target);
      if (!instance) instances.set(resolver.target, (instance = new (resolver.target as new () => Record<string, Method>)()));
      const method = instance[resolver.methodName];
      const target = instance;
      const kinds = params.map((param) => param.kind).join(',');
      const [, , argument] = values;
      const resolve: GraphQLFieldResolver<unknown, unknown, Record<string, unknown>> = kinds === 'root,context'
        ? (root, _args, context) => method.call(target, root, context)
        : kinds === 'root,context,arg' && argument
          ? (root, args, context) => method.call(target, root, context, argument(root, args, context))
          : (root, args, context) =>
              method.apply(
                target,
                values.map((value) => value!(root, args, context)),
              );
      schemaField.resolve = resolve;
    }
  }
}
