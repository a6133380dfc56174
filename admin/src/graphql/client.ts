import { reportReachable } from './reachability';

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

export const UNREACHABLE_MESSAGE = 'Cannot reach the server, retrying…';

const GATEWAY_STATUSES = new Set([502, 503, 504]);

/** A failed exchange that says nothing about the session: no answer, or the server failing (5xx). */
export function isServerFailure(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'NETWORK_ERROR' || error.httpStatus >= 500);
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
      reportReachable(false);
      throw new ApiError(UNREACHABLE_MESSAGE, 'NETWORK_ERROR', {}, 0);
    }
    // A gateway's 502/504 or a 503 (the server restarting, its database away) is the server not reachable yet.
    reportReachable(!GATEWAY_STATUSES.has(response.status));
    let body: GraphQLResponse<T>;
    try {
      body = (await response.json()) as GraphQLResponse<T>;
    } catch {
      if (response.status >= 500) reportReachable(false);
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
