import {
  useGetRecordRepresentation,
  useNotify,
  useRedirect,
  useResourceContext,
  type RaRecord,
  type RedirectionSideEffect,
} from 'react-admin';

/**
 * A Create's or an Edit's success, as react-admin does it (a toast, then the redirect), with a toast that names the
 * record: "Assignment of Lauren Pike at Juniper Valley High saved", never "Element updated". Pass as mutationOptions.
 */
export function useNamedSuccess(done: 'created' | 'saved', redirectTo: RedirectionSideEffect) {
  const resource = useResourceContext();
  const represent = useGetRecordRepresentation(resource);
  const notify = useNotify();
  const redirect = useRedirect();
  return {
    onSuccess: (record: RaRecord) => {
      // Not a translation key: the i18n provider allows missing keys and shows the text itself.
      notify(`${String(represent(record))} ${done}`, { type: 'info' });
      redirect(redirectTo, resource, record.id, record);
    },
  };
}
