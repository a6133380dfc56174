import { HttpError, type DataProvider } from 'ra-core';
import { graphqlRequest, type GraphQLRequest } from '../graphql/client';
import { apiTokenOperations } from './apiTokens';
import { toHttpError } from './errors';
import { MAX_PER_PAGE, toBulkUpdateInput, toCreateInput, toListVariables, toRecord, toUpdateInput, type ApiRecord } from './mapping';
import { createMutation, deleteManyMutation, deleteMutation, listQuery, oneQuery, updateManyMutation, updateMutation } from './queries';
import { resourceDefinition } from './resources';

interface ListResult {
  result: { items: Record<string, unknown>[]; totalCount: number };
}
interface OneResult {
  result: Record<string, unknown> | null;
}
interface ManyResult {
  result: { id: string }[];
}

/** Runs one data provider call, turning API errors into react-admin's HttpError. */
async function mapped<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toHttpError(error);
  }
}

/** The same for a call that writes, whose failure must say that nothing was saved. */
async function mappedWrite<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toHttpError(error, { write: true });
  }
}

/**
 * react-admin's data provider over the SRO Hub GraphQL API (its list/CRUD conventions, not a naming scheme
 * forced onto it). `apiTokens` is the one resource with its own shape.
 */
export function createDataProvider(request: GraphQLRequest = graphqlRequest): DataProvider {
  const apiTokens = apiTokenOperations(request);

  async function getList(resource: string, params: Parameters<DataProvider['getList']>[1]) {
    if (resource === 'apiTokens') {
      const { page = 1, perPage = 25 } = params.pagination ?? {};
      return apiTokens.list(page, perPage, params.filter);
    }
    const definition = resourceDefinition(resource);
    const { page = 1, perPage = 25 } = params.pagination ?? {};
    if (perPage <= MAX_PER_PAGE) {
      const { result } = await request<ListResult>(listQuery(definition), { ...toListVariables(definition, params) });
      return { data: result.items.map(toRecord), total: result.totalCount };
    }
    // Larger windows (the CSV export asks for 1000 rows) are read in API pages of 500.
    const offset = (page - 1) * perPage;
    const items: Record<string, unknown>[] = [];
    let total: number;
    for (let apiPage = Math.floor(offset / MAX_PER_PAGE) + 1; ; apiPage++) {
      const variables = toListVariables(definition, { ...params, pagination: { page: apiPage, perPage: MAX_PER_PAGE } });
      const { result } = await request<ListResult>(listQuery(definition), { ...variables });
      items.push(...result.items);
      total = result.totalCount;
      if (result.items.length < MAX_PER_PAGE || apiPage * MAX_PER_PAGE >= offset + perPage) break;
    }
    const start = offset % MAX_PER_PAGE;
    return { data: items.slice(start, start + perPage).map(toRecord), total };
  }

  async function getOne(resource: string, id: unknown): Promise<ApiRecord> {
    if (resource === 'apiTokens') {
      const token = (await apiTokens.all()).find((candidate) => candidate.id === String(id));
      if (!token) throw new HttpError('This API token does not exist', 404);
      return token as unknown as ApiRecord;
    }
    const definition = resourceDefinition(resource);
    if (definition.noSingleQuery) {
      const { data } = await getList(resource, { filter: { ids: [String(id)] }, pagination: { page: 1, perPage: 1 } });
      if (data[0]) return data[0] as ApiRecord;
    } else {
      const { result } = await request<OneResult>(oneQuery(definition), { id: String(id) });
      if (result) return toRecord(result);
    }
    throw new HttpError('This record does not exist, or you may not see it', 404);
  }

  const provider: DataProvider = {
    getList: (resource, params) => mapped(() => getList(resource, params)) as never,

    getOne: (resource, params) => mapped(async () => ({ data: await getOne(resource, params.id) })) as never,

    getMany: (resource, params) =>
      mapped(async () => {
        const ids = params.ids.map(String);
        if (ids.length === 0) return { data: [] };
        const { data } = await getList(resource, {
          filter: { ids },
          pagination: { page: 1, perPage: Math.min(ids.length, MAX_PER_PAGE) },
          sort: { field: 'id', order: 'ASC' },
        });
        return { data };
      }) as never,

    getManyReference: (resource, params) =>
      mapped(() => getList(resource, { ...params, filter: { ...params.filter, [params.target]: String(params.id) } })) as never,

    create: (resource, params) =>
      mappedWrite(async () => {
        if (resource === 'apiTokens') {
          const days = params.data.lifetimeDays;
          return { data: await apiTokens.create(String(params.data.name ?? ''), typeof days === 'number' ? days : undefined) };
        }
        const definition = resourceDefinition(resource);
        const { result } = await request<OneResult>(createMutation(definition), { input: toCreateInput(definition, params.data) });
        return { data: toRecord(result!) };
      }) as never,

    update: (resource, params) =>
      mappedWrite(async () => {
        if (resource === 'apiTokens') throw new HttpError('API tokens cannot be changed: revoke it and create a new one', 400);
        const definition = resourceDefinition(resource);
        const input = toUpdateInput(definition, params.data, params.previousData);
        const { result } = await request<OneResult>(updateMutation(definition), { id: String(params.id), input });
        return { data: toRecord(result!) };
      }) as never,

    updateMany: (resource, params) =>
      mappedWrite(async () => {
        const definition = resourceDefinition(resource);
        const { result } = await request<ManyResult>(updateManyMutation(definition), {
          ids: params.ids.map(String),
          input: toBulkUpdateInput(definition, params.data),
        });
        return { data: result.map((record) => record.id) };
      }) as never,

    delete: (resource, params) =>
      mappedWrite(async () => {
        if (resource === 'apiTokens') return { data: await apiTokens.revoke(String(params.id)) };
        const definition = resourceDefinition(resource);
        const { result } = await request<OneResult>(deleteMutation(definition), { id: String(params.id) });
        return { data: toRecord(result!) };
      }) as never,

    deleteMany: (resource, params) =>
      mappedWrite(async () => {
        if (resource === 'apiTokens') {
          for (const id of params.ids) await apiTokens.revoke(String(id));
          return { data: params.ids };
        }
        const definition = resourceDefinition(resource);
        const { result } = await request<ManyResult>(deleteManyMutation(definition), { ids: params.ids.map(String) });
        return { data: result.map((record) => record.id) };
      }) as never,
  };
  return provider;
}

export const dataProvider = createDataProvider();
