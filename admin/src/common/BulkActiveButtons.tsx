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
      <BulkUpdateButton label="Deactivate" data={{ active: false }} icon={<HighlightOff />} mutationMode="pessimistic" />
      <BulkUpdateButton label="Activate" data={{ active: true }} icon={<CheckCircleOutline />} mutationMode="pessimistic" />
      <BulkDeleteButton mutationMode="pessimistic" />
    </>
  );
}
