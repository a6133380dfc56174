import type { GraphQLRequest } from '../graphql/client';

const TOKEN_FIELDS = 'id name prefix createdAt expiresAt lastUsedAt revokedAt updatedAt version';

export interface ApiTokenRecord {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  /** When it stops working, set at creation. */
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** Only on the record that createApiToken returns: the secret, shown once. */
  token?: string;
}

/** The signed-in user's API tokens: a short list the API returns whole, paged and sorted here. */
export function apiTokenOperations(request: GraphQLRequest) {
  const all = async () => (await request<{ apiTokens: ApiTokenRecord[] }>(`query ApiTokens { apiTokens { ${TOKEN_FIELDS} } }`)).apiTokens;
  return {
    all,
    async list(page: number, perPage: number, filter: Record<string, unknown> = {}) {
      let tokens = await all();
      if (filter.active === true) tokens = tokens.filter((token) => !token.revokedAt);
      if (Array.isArray(filter.ids)) tokens = tokens.filter((token) => (filter.ids as string[]).map(String).includes(token.id));
      return { data: tokens.slice((page - 1) * perPage, page * perPage), total: tokens.length };
    },
    /** Without `lifetimeDays`, the server's default lifetime. */
    async create(name: string, lifetimeDays?: number): Promise<ApiTokenRecord> {
      const { createApiToken } = await request<{ createApiToken: { token: string; apiToken: ApiTokenRecord } }>(
        `mutation CreateApiToken($name: String!, $lifetimeDays: Int) { createApiToken(name: $name, lifetimeDays: $lifetimeDays) { token apiToken { ${TOKEN_FIELDS} } } }`,
        lifetimeDays === undefined ? { name } : { name, lifetimeDays },
      );
      return { ...createApiToken.apiToken, token: createApiToken.token };
    },
    async revoke(id: string): Promise<ApiTokenRecord> {
      const { revokeApiToken } = await request<{ revokeApiToken: ApiTokenRecord }>(
        `mutation RevokeApiToken($id: ID!) { revokeApiToken(id: $id) { ${TOKEN_FIELDS} } }`,
        { id },
      );
      return revokeApiToken;
    },
  };
}
