import CheckCircleOutline from '@mui/icons-material/CheckCircleOutlineOutlined';
import HighlightOff from '@mui/icons-material/HighlightOff';
import { BulkDeleteButton, BulkUpdateButton, useCanAccess, useResourceContext } from 'react-admin';

/** Bulk actions for records with an `active` flag: deactivate (the usual way out of the program), activate, delete. */
export function BulkActiveButtons() {
  const resource = useResourceContext();
  const { canAccess: canEdit } = useCanAccess({ resource, action: 'edit' });
  if (!canEdit) return null;
  return (
    <>
      <BulkUpdateButton
        label="Deactivate"
        data={{ active: false }}
        icon={<HighlightOff />}
        mutationMode="pessimistic"
        confirmTitle="Deactivate this record? |||| Deactivate these %{smart_count} records?"
        confirmContent="Confirm marks it inactive; it stays in the history and can be activated again. |||| Confirm marks these %{smart_count} records inactive; they stay in the history and can be activated again."
        successMessage={`resources.${resource}.notifications.deactivated`}
      />
      <BulkUpdateButton
        label="Activate"
        data={{ active: true }}
        icon={<CheckCircleOutline />}
        mutationMode="pessimistic"
        confirmTitle="Activate this record? |||| Activate these %{smart_count} records?"
        confirmContent="Confirm marks it active again. |||| Confirm marks these %{smart_count} records active again."
        successMessage={`resources.${resource}.notifications.activated`}
      />
      <BulkDeleteButton mutationMode="pessimistic" />
    </>
  );
}
