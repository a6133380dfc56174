import type { ResourceDefinition } from './resources';

/** The API's largest page. */
export const MAX_PER_PAGE = 500;

export interface ListParams {
  pagination?: { page: number; perPage: number };
  sort?: { field: string; order: string };
  filter?: Record<string, unknown>;
}

export interface ListVariables {
  filter: Record<string, unknown>;
  sort?: { field: string; order: 'ASC' | 'DESC' };
  page: number;
  perPage: number;
}

const isBlank = (value: unknown) => value === undefined || value === null || value === '';

/** Keeps the filter keys the API knows, drops empty values, and turns "true"/"false" from the URL into booleans. */
export function toApiFilter(definition: ResourceDefinition, filter: Record<string, unknown> = {}): Record<string, unknown> {
  const apiFilter: Record<string, unknown> = {};
  for (const key of definition.filters) {
    const value = filter[key];
    if (isBlank(value)) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    apiFilter[key] = value === 'true' ? true : value === 'false' ? false : Array.isArray(value) ? value.map(String) : value;
  }
  return apiFilter;
}

/** react-admin's sort field to the API's enum; unknown fields leave the API's default order. */
export function toApiSort(definition: ResourceDefinition, sort?: { field: string; order: string }): ListVariables['sort'] {
  if (!sort?.field) return undefined;
  const field = definition.sortFields[sort.field];
  if (!field) return undefined;
  return { field, order: sort.order?.toUpperCase() === 'DESC' ? 'DESC' : 'ASC' };
}

export function toListVariables(definition: ResourceDefinition, params: ListParams): ListVariables {
  const page = Math.max(1, Math.floor(params.pagination?.page ?? 1));
  const perPage = Math.min(MAX_PER_PAGE, Math.max(1, Math.floor(params.pagination?.perPage ?? 25)));
  const sort = toApiSort(definition, params.sort);
  return { filter: toApiFilter(definition, params.filter), ...(sort ? { sort } : {}), page, perPage };
}

/** References the API nests (`officer { id ... }`) also become flat ids (`officerId`) for react-admin's inputs. */
const REFERENCES = ['agency', 'officer', 'school'] as const;
/** References whose input field is not `<name>Id`: an absence's `substitute` is set by `substituteOfficerId`. */
const NAMED_REFERENCES: Record<string, string> = { substitute: 'substituteOfficerId' };

export type ApiRecord = Record<string, unknown> & { id: string };

export function toRecord(item: Record<string, unknown>): ApiRecord {
  const record: Record<string, unknown> = { ...item };
  for (const reference of REFERENCES) {
    if (!(reference in item)) continue;
    const value = item[reference] as { id?: string } | null;
    record[`${reference}Id`] = value?.id ?? null;
  }
  for (const [reference, field] of Object.entries(NAMED_REFERENCES)) {
    if (reference in item) record[field] = (item[reference] as { id?: string } | null)?.id ?? null;
  }
  return record as ApiRecord;
}

function normalise(value: unknown): unknown {
  if (value === '') return null;
  return value;
}

/** The create input: known fields only, blanks left out so that the API's defaults apply. */
export function toCreateInput(definition: ResourceDefinition, data: Record<string, unknown>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of definition.createFields) {
    const value = normalise(data[field]);
    if (value === undefined || value === null) continue;
    input[field] = value;
  }
  return input;
}

function same(left: unknown, right: unknown): boolean {
  if (isBlank(left) && isBlank(right)) return true;
  return JSON.stringify(left) === JSON.stringify(right);
}

/**
 * The update input: only the fields that changed (the API changes only the fields given, and refuses some of
 * them to some roles), blanks as null to clear them, and the version the user last read.
 */
export function toUpdateInput(
  definition: ResourceDefinition,
  data: Record<string, unknown>,
  previousData: Record<string, unknown> = {},
): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of definition.updateFields) {
    if (!(field in data)) continue;
    if (same(data[field], previousData[field])) continue;
    // A password is never read back: only a typed value means a reset.
    if (field === 'password' && isBlank(data[field])) continue;
    input[field] = normalise(data[field]);
  }
  const version = previousData.version ?? data.version;
  if (typeof version === 'number') input.version = version;
  return input;
}

/** The bulk update input: only the fields the API can change on many records at once. */
export function toBulkUpdateInput(definition: ResourceDefinition, data: Record<string, unknown>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of definition.bulkUpdateFields) {
    if (field in data) input[field] = normalise(data[field]);
  }
  return input;
}
