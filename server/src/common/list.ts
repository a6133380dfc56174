import { Max, Min } from 'class-validator';
import { ArgsType, Field, InputType, Int, ObjectType, registerEnumType, type ClassType } from 'type-graphql';

/** Largest page any list returns. */
export const MAX_PER_PAGE = 500;

export enum SortOrder {
  ASC = 'ASC',
  DESC = 'DESC',
}

registerEnumType(SortOrder, {
  name: 'SortOrder',
  description: 'Direction of a sort. Ties are always broken by id, in the same direction, so pages are stable.',
  valuesConfig: { ASC: { description: 'Ascending: A to Z, oldest first, smallest first.' }, DESC: { description: 'Descending.' } },
});

/** The page arguments every list takes. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 1, description: 'Page number, from 1.' })
  @Min(1)
  @Max(1_000_000)
  page: number = 1;

  @Field(() => Int, { defaultValue: 25, description: `Rows per page, 1 to ${MAX_PER_PAGE}.` })
  @Min(1)
  @Max(MAX_PER_PAGE)
  perPage: number = 25;
}

export interface Page<T> {
  items: T[];
  totalCount: number;
}

const listTypes = new Map<ClassType, ClassType<Page<object>>>();

/** The one list shape: `{ items, totalCount }`, named `<Type>List`; one class per item type. */
export function ListType<T extends object>(itemType: ClassType<T>, plural: string): ClassType<Page<T>> {
  const existing = listTypes.get(itemType);
  if (existing) return existing as ClassType<Page<T>>;

  @ObjectType(`${itemType.name}List`, { description: `A page of ${plural} and how many match in all.` })
  class List implements Page<T> {
    @Field(() => [itemType], { description: `The ${plural} on this page.` })
    items!: T[];

    @Field(() => Int, { description: `How many ${plural} match the filter, on all pages.` })
    totalCount!: number;
  }
  listTypes.set(itemType, List as unknown as ClassType<Page<object>>);
  return List as unknown as ClassType<Page<T>>;
}

/** Registers the sort-field enum of a type and returns it. */
export function sortFields<T extends Record<string, string>>(values: T, typeName: string, descriptions: Record<keyof T, string>): T {
  registerEnumType(values, {
    name: `${typeName}SortField`,
    description: `Fields ${typeName} lists can be sorted by.`,
    valuesConfig: Object.fromEntries(Object.keys(values).map((key) => [key, { description: descriptions[key as keyof T] }])) as never,
  });
  return values;
}

/** A list's sort argument: a field of its type, and a direction. */
export interface SortArg<F extends string> {
  field: F;
  order: SortOrder;
}

/** The sort input of a list, `<Type>Sort { field order }`, with the list's default order. */
export function SortInput<F extends string>(
  fieldEnum: Record<string, F>,
  typeName: string,
  plural: string,
  defaults: { field: F; order?: SortOrder; orderDescription?: string },
): ClassType<SortArg<F>> {
  @InputType(`${typeName}Sort`, { description: `How to sort ${plural}.` })
  class Sort implements SortArg<F> {
    @Field(() => fieldEnum, { description: 'Field to sort by.' })
    field: F = defaults.field;

    @Field(() => SortOrder, { defaultValue: defaults.order ?? SortOrder.ASC, description: defaults.orderDescription ?? 'Direction.' })
    order: SortOrder = defaults.order ?? SortOrder.ASC;
  }
  return Sort;
}
