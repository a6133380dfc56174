import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, visit, type DocumentNode } from 'graphql';
import { DomainError, ErrorCode } from '../common/errors';

// NUL, which PostgreSQL cannot store in text, and UTF-16 surrogates without their pair, which are no character at
// all (the audit trail's JSON refuses them, and validators throw on them).
// eslint-disable-next-line no-control-regex -- the NUL character is what it looks for
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MESSAGE = 'must not contain the NUL character or an unpaired UTF-16 surrogate';

/** Paths such as `input.badgeNumber` of the variables' strings that cannot be stored. */
function unstorableVariables(value: unknown, path: string, found: string[]): string[] {
  if (typeof value === 'string') {
    if (UNSTORABLE.test(value)) found.push(path);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => unstorableVariables(item, `${path}.${index}`, found));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) unstorableVariables(item, path ? `${path}.${key}` : key, found);
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
 * Refuses text that no column can hold, anywhere in the input, before anything runs: BAD_USER_INPUT (HTTP 400)
 * naming the fields, rather than a database error halfway through a change.
 */
export const inputTextPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, request }) {
        const fields = unstorableVariables(request.variables ?? {}, '', []);
        if (fields.length === 0 && !hasUnstorableLiteral(document)) return;
        const message = fields.length ? `Invalid input: ${fields.join(', ')} ${MESSAGE}` : `Invalid input: text ${MESSAGE}`;
        throw new DomainError(ErrorCode.BAD_USER_INPUT, message, {
          fields: Object.fromEntries(fields.map((field) => [field, [`${field} ${MESSAGE}`]])),
          http: { status: 400 },
        });
      },
    };
  },
};
