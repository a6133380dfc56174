import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { DomainError, ErrorCode } from '../../common/errors';

const PASSWORD_CHECKS = new Set(['login', 'changePassword']);

/** The top-level fields of the operation that check a password, aliases and fragments included. */
function passwordChecks(info: GraphQLResolveInfo, selectionSet: SelectionSetNode, seen = new Set<string>()): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (PASSWORD_CHECKS.has(selection.name.value)) count++;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      count += passwordChecks(info, selection.selectionSet, seen);
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = info.fragments[selection.name.value];
      if (fragment) count += passwordChecks(info, fragment.selectionSet, seen);
    }
  }
  return count;
}

/**
 * One password check per operation: aliases would otherwise try several passwords in one request, and each
 * would count against the throttle of an account that may not be the sender's.
 */
export function assertOnePasswordCheck(info: GraphQLResolveInfo): void {
  if (passwordChecks(info, info.operation.selectionSet) > 1) {
    throw new DomainError(ErrorCode.BAD_REQUEST, 'Send one login or changePassword per request: none of these was tried');
  }
}
