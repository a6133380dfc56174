import { Edit, SimpleForm } from 'react-admin';
import { EditGuard } from '../common/EditGuard';
import { OfficerInputs } from './OfficerInputs';
import { KeepUnsavedEdit } from '../common/KeepUnsavedEdit';
import { useNamedSuccess } from '../common/useNamedSuccess';

export function OfficerEdit() {
  const named = useNamedSuccess('saved', 'show');
  return (
    <Edit mutationMode="pessimistic" mutationOptions={named}>
      <EditGuard reason="This officer belongs to another agency: you can view it, but only its own agency or the district can change it.">
        <SimpleForm>
          <KeepUnsavedEdit />
          <OfficerInputs />
        </SimpleForm>
      </EditGuard>
    </Edit>
  );
}
