import { useEffect, useRef } from 'react';
import { useFormState } from 'react-hook-form';
import { useNotify } from 'react-admin';

type RootErrors = Record<string, { message?: string } | undefined> | undefined;

/**
 * react-admin's "the form is not valid" toast (its form's own is disabled), except after a clash with another
 * assignment: the form already shows that once, on the field and in RuleCheck's warning, and a toast would repeat it.
 */
export function InvalidFormToast() {
  const { submitCount, errors } = useFormState();
  const seen = useRef(submitCount);
  const notify = useNotify();
  useEffect(() => {
    if (submitCount <= seen.current) return;
    seen.current = submitCount;
    const root = errors.root as RootErrors;
    if (Object.keys(errors).length === 0 || root?.clashingAssignmentId) return;
    notify(root?.serverError?.message ?? 'ra.message.invalid_form', { type: 'error' });
  }, [errors, submitCount, notify]);
  return null;
}
