/// <reference lib="dom" />
/**
 * The console's GraphQL over HTTP: one POST of JSON to the gateway's
 * endpoint with the bearer token, and the errors it can answer put in
 * plain words. A POST of application/json passes the gateway's CSRF
 * rule as it is.
 */

/** The gateway's GraphQL endpoint, on the page's own origin. */
export const GRAPHQL_PATH = '/graphql';

/** One error of a GraphQL answer. */
export interface ApiError {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions?: {
    readonly code?: unknown;
    readonly retryAfterSeconds?: unknown;
  };
}

/** A GraphQL answer: data, errors, or both. */
export interface ApiAnswer<T> {
  readonly data?: T | null;
  readonly errors?: readonly ApiError[];
}

/** Raised when the answer carries no data at all. */
export class ApiFailure extends Error {
  readonly errors: readonly ApiError[];

  constructor(errors: readonly ApiError[]) {
    super(describeErrors(errors));
    this.name = 'ApiFailure';
    this.errors = errors;
  }
}

/** The code of an error, or undefined. */
export function codeOf(error: ApiError): string | undefined {
  const code = error.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Private: one error in words a dispatcher can act on; the gateway's
 * own message follows for the details.
 */
function describeError(error: ApiError): string {
  switch (codeOf(error)) {
    case 'UNAUTHENTICATED':
      return 'Not signed in: the token is missing, invalid or expired. Paste a new token.';
    case 'FORBIDDEN':
      return `Not allowed for this token: ${error.message}`;
    case 'RATE_LIMITED': {
      const seconds = error.extensions?.retryAfterSeconds;
      const wait = typeof seconds === 'number' ? ` in ${seconds} s` : ' later';
      return `Too many requests: try again${wait}.`;
    }
    default: {
      const code = codeOf(error);
      return code ? `${error.message} (${code})` : error.message;
    }
  }
}

/** Every error in plain words, one sentence each. */
export function describeErrors(errors: readonly ApiError[]): string {
  const unique = [...new Set(errors.map(describeError))];
  return unique.join(' ');
}

/** Private: an answer that is not GraphQL, as an error of our own. */
function transportError(status: number): ApiError {
  if (status === 401) {
    return { message: 'Unauthorized', extensions: { code: 'UNAUTHENTICATED' } };
  }
  if (status === 429) {
    return { message: 'Too many', extensions: { code: 'RATE_LIMITED' } };
  }
  return {
    message: `The gateway answered HTTP ${status}`,
    extensions: { code: 'HTTP_ERROR' },
  };
}

/**
 * Sends one operation; answers the data and any partial errors. Throws
 * an ApiFailure when no data came back (refused, rate limited, down).
 */
export async function request<T>(
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<ApiAnswer<T> & { readonly data: T }> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_PATH, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    const message = 'The gateway cannot be reached: check the network.';
    throw new ApiFailure([{ message, extensions: { code: 'NETWORK' } }]);
  }
  const answer = (await response.json().catch(() => null)) as
    | ApiAnswer<T>
    | null;
  if (answer === null) throw new ApiFailure([transportError(response.status)]);
  const errors = answer.errors ?? [];
  if (answer.data === null || answer.data === undefined) {
    throw new ApiFailure(
      errors.length > 0 ? errors : [transportError(response.status)],
    );
  }
  return { data: answer.data, errors };
}
