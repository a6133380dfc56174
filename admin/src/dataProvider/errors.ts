// From ra-core, which react-admin re-exports: the same class, loadable without the UI (for the node tests).
import { HttpError } from 'ra-core';
import { ApiError, isServerFailure } from '../graphql/client';
import { formatDate } from '../common/dates';

const STATUS_BY_CODE: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  NETWORK_ERROR: 503,
};

/** The form field an assignment rule is about, when the server names the rule but not the field. */
const FIELD_BY_REASON: Record<string, string> = {
  assignment_primary_no_overlap: 'startDate',
  assignment_fte_total: 'fte',
  assignment_officer_active: 'officerId',
  assignment_school_active: 'schoolId',
};

/** A clash's message on the field it is about; the assignment it clashes with is named in the form's warning. */
const CLASH_FIELD_MESSAGE: Record<string, string> = {
  assignment_primary_no_overlap: 'Overlaps another PRIMARY assignment of this officer',
  assignment_fte_total: "Takes the officer's FTE over 1.00 on some day",
};
const CLASH_FIELD_FALLBACK = 'Clashes with another assignment of this officer';

export const SESSION_ENDED_MESSAGE = 'Your session has ended: sign in again.';
export const NOT_SAVED_SESSION_MESSAGE =
  'Your session had ended, so this change was not saved. Sign in again: the form will still hold your change.';
export const NOT_SAVED_UNREACHABLE_MESSAGE =
  'Cannot reach the server: this change was not saved. It is still in the form; save again once the server is back.';

export const STALE_VERSION_MESSAGE =
  'Someone else changed this record since you opened it. Reload the page to see their changes, then make yours again.';

// The server writes dates as YYYY-MM-DD; the console shows them as it shows every date.
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/g;
const inWords = (message: string) => message.replace(ISO_DATE, (date) => formatDate(date));

/** Field messages keyed by form source; the API may prefix them with the argument name (`input.fte`). */
function fieldMessages(fields: Record<string, string[] | string>): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const [name, list] of Object.entries(fields)) {
    const source = name.replace(/^input\./, '');
    messages[source] = inWords(Array.isArray(list) ? list.join(' ') : String(list));
  }
  return messages;
}

function conflictMessage(error: ApiError): string {
  if (error.extensions.reason === 'STALE_VERSION') return STALE_VERSION_MESSAGE;
  const clashing = error.extensions.clashingAssignmentId;
  return inWords(clashing ? `Clashes with assignment #${clashing}: ${error.message}` : error.message);
}

/**
 * Turns an API error into react-admin's HttpError. Field messages go in `body.errors` (react-admin shows them on
 * the form's inputs) with `root.serverError` as the form's notification; everything else is the message.
 */
export function toHttpError(error: unknown, { write = false }: { write?: boolean } = {}): unknown {
  if (!(error instanceof ApiError)) return error;
  const status = STATUS_BY_CODE[error.code] ?? (error.httpStatus >= 400 ? error.httpStatus : 500);
  // Say plainly that a write did not happen: the user must never take a failed save for a done one.
  if (error.code === 'UNAUTHENTICATED') {
    return new HttpError(write ? NOT_SAVED_SESSION_MESSAGE : SESSION_ENDED_MESSAGE, status, { code: error.code });
  }
  if (write && isServerFailure(error) && error.code !== 'INTERNAL_SERVER_ERROR') {
    return new HttpError(NOT_SAVED_UNREACHABLE_MESSAGE, status, { code: error.code });
  }
  if (error.code === 'BAD_USER_INPUT' && error.extensions.fields && Object.keys(error.extensions.fields).length > 0) {
    const errors = { ...fieldMessages(error.extensions.fields), root: { serverError: inWords(error.message) } };
    return new HttpError(inWords(error.message), status, { code: error.code, errors });
  }
  if (error.code === 'CONFLICT') {
    const message = conflictMessage(error);
    const field = error.extensions.field ?? FIELD_BY_REASON[error.extensions.reason ?? ''];
    const body: Record<string, unknown> = {
      code: error.code,
      reason: error.extensions.reason,
      clashingAssignmentId: error.extensions.clashingAssignmentId,
    };
    const clashing = error.extensions.clashingAssignmentId;
    // A clash is shown once: a short message on the field, and the form's one warning naming the school with a
    // link (assignments/RuleCheck.tsx reads `root.clashingAssignmentId`); no toast repeats it.
    if (field && clashing)
      body.errors = {
        [field]: CLASH_FIELD_MESSAGE[error.extensions.reason ?? ''] ?? CLASH_FIELD_FALLBACK,
        root: { clashingAssignmentId: clashing },
      };
    else if (field) body.errors = { [field]: message, root: { serverError: message } };
    return new HttpError(message, status, body);
  }
  return new HttpError(inWords(error.message), status, { code: error.code });
}
