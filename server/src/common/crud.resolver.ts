import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver, type ClassType } from 'type-graphql';
import type { RequestContext } from './context';
import type { CrudService } from './crud';
import { ListType, PageArgs, type SortArg } from './list';
import { parseId, parseIds } from './validation';

export interface CrudResolverOptions<T extends { id: number; version: number }> {
  type: ClassType<T>;
  /** Query names: `schools` and `school`. */
  plural: string;
  singular: string;
  filter: ClassType;
  sort: ClassType;
  create: ClassType;
  update: ClassType;
  bulkUpdate: ClassType;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  service: CrudService<T, any, any, any, any>;
  /** Who may write, for the mutations' descriptions. */
  writers: string;
}

const capitalize = (name: string) => name[0].toUpperCase() + name.slice(1);

/**
 * The queries and mutations every record type has, named by the API's conventions: `<plural>`, `<singular>(id)`,
 * `create<Type>`, `update<Type>`, `delete<Type>`, `update<Types>`, `delete<Types>`. Each is one line into the service.
 *
 * Each root field carries its roles (`@Authorized`). The classes extending this one add field resolvers that check
 * the actor themselves (`requireActor`, one call) rather than by a class-level `@Authorized()`, which would wrap
 * every field of every answer in type-graphql's asynchronous middleware chain (docs/performance.md).
 */
export function createCrudResolver<T extends { id: number; version: number }>(options: CrudResolverOptions<T>) {
  const { type, plural, singular, service, writers } = options;
  const List = ListType(type, plural);
  const Type = capitalize(singular);
  const Types = capitalize(plural);
  // Who may call each root field at all, from the policy table; the policy then says which rows.
  const { readers, writers: writerRoles } = service.spec.policy;

  @Resolver()
  abstract class CrudResolver {
    @Authorized(...readers)
    @Query(() => List, { name: plural, description: `${Types} matching the filter, one page at a time, with the total.` })
    list(
      @Ctx() ctx: RequestContext,
      @Args(() => PageArgs) page: PageArgs,
      @Arg('filter', () => options.filter, { nullable: true, description: `Which ${plural}.` }) filter?: object,
      @Arg('sort', () => options.sort, { nullable: true, description: 'Order of the rows; ties are broken by id.' }) sort?: SortArg<string>,
    ) {
      return service.list(ctx, filter, sort ?? (new options.sort() as SortArg<string>), page);
    }

    @Authorized(...readers)
    @Query(() => type, {
      name: singular,
      nullable: true,
      description: `One ${singular}, or null when it does not exist or is not visible to you.`,
    })
    one(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: `${Type} id.` }) id: string) {
      return service.get(ctx, parseId(id));
    }

    @Authorized(...writerRoles)
    @Mutation(() => type, { name: `create${Type}`, description: `Creates a ${singular}. ${writers}` })
    create(@Ctx() ctx: RequestContext, @Arg('input', () => options.create, { description: `The new ${singular}.` }) input: object) {
      return service.create(ctx, input);
    }

    @Authorized(...writerRoles)
    @Mutation(() => type, {
      name: `update${Type}`,
      description: `Changes a ${singular}. ${writers} CONFLICT when \`version\` is not the current one.`,
    })
    update(
      @Ctx() ctx: RequestContext,
      @Arg('id', () => ID, { description: `${Type} id.` }) id: string,
      @Arg('input', () => options.update, { description: 'The changes, with the version you last read.' }) input: { version: number },
    ) {
      return service.update(ctx, parseId(id), input);
    }

    @Authorized(...writerRoles)
    @Mutation(() => type, {
      name: `delete${Type}`,
      description: `Deletes a ${singular} and returns it. CONFLICT while other records refer to it: deactivate it instead. ${writers}`,
    })
    delete(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: `${Type} id.` }) id: string) {
      return service.delete(ctx, parseId(id));
    }

    @Authorized(...writerRoles)
    @Mutation(() => [type], { name: `update${Types}`, description: `Applies one change to several ${plural}: all or none. ${writers}` })
    updateMany(
      @Ctx() ctx: RequestContext,
      @Arg('ids', () => [ID], { description: `${Type} ids.` }) ids: string[],
      @Arg('input', () => options.bulkUpdate, { description: 'The change.' }) input: object,
    ) {
      return service.updateMany(ctx, parseIds(ids), input);
    }

    @Authorized(...writerRoles)
    @Mutation(() => [type], { name: `delete${Types}`, description: `Deletes several ${plural}: all or none. ${writers}` })
    deleteMany(@Ctx() ctx: RequestContext, @Arg('ids', () => [ID], { description: `${Type} ids.` }) ids: string[]) {
      return service.deleteMany(ctx, parseIds(ids));
    }
  }
  return CrudResolver;
}
