import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, visit, type DocumentNode } from 'graphql';
import { DomainError, ErrorCode } from '../common/errors';

// NUL, which PostgreSQL cannot store in text, and UTF-16 surrogates without their pair, which are no character at
// all (the audit trail's JSON refuses them, and validators throw on them).
// eslint-disable-next-line no-control-regex -- the NUL character is what it looks for
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MESSAGE = 'must not contain the NUL character or an unpaired UTF-16 surrogate';

/**
 * Deepest nesting of lists and objects in the variables. The schema's inputs nest a few levels; a client's JSON may
 * nest thousands (well under the body limit), which every recursive walk, graphql-js's included, would overflow on.
 */
export const MAX_VARIABLE_DEPTH = 32;

/**
 * Paths such as `input.badgeNumber` of the variables' strings that cannot be stored, in the order written; null when
 * the variables nest deeper than MAX_VARIABLE_DEPTH. Walks with a stack of its own rather than recursion, so that
 * no nesting overflows the call stack before its depth is seen.
 */
function unstorableVariables(variables: Record<string, unknown>): string[] | null {
  const found: string[] = [];
  const pending: { value: unknown; path: string; depth: number }[] = [{ value: variables, path: '', depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, path, depth } = next;
    if (typeof value === 'string') {
      if (UNSTORABLE.test(value)) found.push(path);
    } else if (value !== null && typeof value === 'object') {
      if (depth >= MAX_VARIABLE_DEPTH) return null;
      const entries = Object.entries(value);
      for (let index = entries.length - 1; index >= 0; index--) {
        const [key, item] = entries[index];
        pending.push({ value: item, path: path ? `${path}.${key}` : key, depth: depth + 1 });
      }
    }
  }
  return found;
}

// Apollo Server keeps one parsed document per query text, so each is searched once, not on every request.
const searched = new WeakMap<DocumentNode, boolean>();

function hasUnstorableLiteral(document: DocumentNode): boolean {
  let found = searched.get(document);
  if (found === undefined) {
    found = false;
    visit(document, {
      [Kind.STRING]: (node) => {
        if (UNSTORABLE.test(node.value)) found = true;
      },
    });
    searched.set(document, found);
  }
  return found;
}

/**
 * Refuses variables that no column can hold or that nest too deep to walk: BAD_USER_INPUT (HTTP 400, from the
 * pipeline's one table) naming the fields. Also for the list exports, whose filter and sort are a list query's variables (modules/report/list-exports.ts, which gets it from app.ts).
 */
export function checkVariableText(variables: Record<string, unknown>): void {
  const fields = unstorableVariables(variables);
  if (fields === null) {
    const message = `Invalid input: the variables nest lists and objects more than ${MAX_VARIABLE_DEPTH} levels deep`;
    throw new DomainError(ErrorCode.BAD_USER_INPUT, message, { fields: {}, limit: MAX_VARIABLE_DEPTH });
  }
  if (fields.length === 0) return;
  throw new DomainError(ErrorCode.BAD_USER_INPUT, `Invalid input: ${fields.join(', ')} ${MESSAGE}`, {
    fields: Object.fromEntries(fields.map((field) => [field, [`${field} ${MESSAGE}`]])),
  });
}

/**
 * Refuses text that no column can hold, anywhere in the input, before anything runs: BAD_USER_INPUT (HTTP 400)
 * naming the fields, rather than a database error halfway through a change; and variables nested too deep to walk.
 */
export const inputTextPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, request }) {
        checkVariableText(request.variables ?? {});
        if (!hasUnstorableLiteral(document)) return;
        throw new DomainError(ErrorCode.BAD_USER_INPUT, `Invalid input: text ${MESSAGE}`, { fields: {} });
      },
    };
  },
};
