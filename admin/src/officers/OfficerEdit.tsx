import { Edit, SimpleForm } from 'react-admin';
import { EditGuard } from '../common/EditGuard';
import { OfficerInputs } from './OfficerInputs';
import { KeepUnsavedEdit } from '../common/KeepUnsavedEdit';

export function OfficerEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <EditGuard reason="This officer belongs to another agency: you can view it, but only its own agency or the district can change it.">
        <SimpleForm>
          <KeepUnsavedEdit />
          <OfficerInputs />
        </SimpleForm>
      </EditGuard>
    </Edit>
  );
}
