import { Alert } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useFormContext, useFormState } from 'react-hook-form';
import { useGetIdentity } from 'react-admin';
import { useLocation, useNavigate } from 'react-router-dom';
import { onSessionEnded } from '../auth/session';

const STORAGE_KEY = 'sro-hub.unsaved-edit';

interface UnsavedEdit {
  path: string;
  userId: string | null;
  values: Record<string, unknown>;
}

/** This tab's unsaved edit for `path` by `userId`, taken out of storage so that it is restored once. */
function takeUnsavedEdit(path: string, userId: string): UnsavedEdit | null {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as UnsavedEdit | null;
    if (!saved || saved.path !== path || saved.userId !== userId) return null;
    sessionStorage.removeItem(STORAGE_KEY);
    return saved;
  } catch {
    return null;
  }
}

/**
 * Placed in a form: when the session ends while the form holds changes, keeps them in this tab's storage; after
 * the user signs in again (react-admin comes back to the same page), puts them back and says they are not saved.
 */
export function KeepUnsavedEdit() {
  const { getValues } = useFormContext();
  const { isDirty } = useFormState();
  const dirty = useRef(isDirty);
  dirty.current = isDirty;
  const location = useLocation();
  const navigate = useNavigate();
  const path = location.pathname + location.search;
  const { identity } = useGetIdentity();
  const [restored, setRestored] = useState(false);

  useEffect(
    () =>
      onSessionEnded((userId) => {
        if (!dirty.current) return;
        const unsaved: UnsavedEdit = { path, userId, values: getValues() };
        sessionStorage.setItem(STORAGE_KEY, JSON.stringify(unsaved));
      }),
    [getValues, path],
  );

  useEffect(() => {
    if (!identity) return;
    const unsaved = takeUnsavedEdit(path, String(identity.id));
    if (!unsaved) return;
    // react-admin's own way to prefill a form, applied once the form is ready: a record in the location's state.
    void navigate(path, { replace: true, state: { record: unsaved.values } });
    setRestored(true);
  }, [identity, path, navigate]);

  if (!restored) return null;
  return (
    <Alert severity="warning" role="status" sx={{ mb: 2, width: '100%' }}>
      Your change was not saved: your session had ended. It is back in the form; check it and save it.
    </Alert>
  );
}
