/** What the API puts in `extensions` of an error (SPEC.md, "API conventions"). */
export interface ApiErrorExtensions {
  code?: string;
  /** BAD_USER_INPUT: messages per input field. */
  fields?: Record<string, string[]>;
  /** CONFLICT: which rule, such as STALE_VERSION or assignment_primary_no_overlap. */
  reason?: string;
  /** CONFLICT from a database rule: the input field to blame. */
  field?: string;
  /** CONFLICT of an assignment rule: the assignment it clashes with. */
  clashingAssignmentId?: string;
  [key: string]: unknown;
}

/** A GraphQL error answer (or a failed HTTP exchange), with the first error's code and extensions. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly extensions: ApiErrorExtensions = {},
    readonly httpStatus = 200,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>;

export type GraphQLRequest = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) => Promise<T>;

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: ApiErrorExtensions }[];
}

/**
 * A minimal GraphQL client for the console: POST to /graphql with the session cookie (same origin, httpOnly).
 * Resolves with `data`, or rejects with an ApiError built from the first error.
 */
export function createGraphQLClient(fetchFunction: FetchFunction = (input, init) => fetch(input, init), url = '/graphql'): GraphQLRequest {
  return async function request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    let response: Response;
    try {
      response = await fetchFunction(url, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
    } catch {
      throw new ApiError('The server cannot be reached. Check your connection and try again.', 'NETWORK_ERROR', {}, 0);
    }
    let body: GraphQLResponse<T>;
    try {
      body = (await response.json()) as GraphQLResponse<T>;
    } catch {
      throw new ApiError(`The server answered ${response.status} ${response.statusText}`.trim(), 'HTTP_ERROR', {}, response.status);
    }
    const first = body.errors?.[0];
    if (first) {
      throw new ApiError(first.message, first.extensions?.code ?? 'INTERNAL_SERVER_ERROR', first.extensions ?? {}, response.status);
    }
    if (!body.data) throw new ApiError('The server sent no data', 'INTERNAL_SERVER_ERROR', {}, response.status);
    return body.data;
  };
}

/** The console's one client, over the browser's fetch. */
export const graphqlRequest: GraphQLRequest = createGraphQLClient();
