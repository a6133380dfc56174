import { Edit, SimpleForm } from 'react-admin';
import { AgencyInputs } from './AgencyInputs';
import { KeepUnsavedEdit } from '../common/KeepUnsavedEdit';
import { useNamedSuccess } from '../common/useNamedSuccess';

export function AgencyEdit() {
  const named = useNamedSuccess('saved', 'show');
  return (
    <Edit mutationMode="pessimistic" mutationOptions={named}>
      <SimpleForm>
        <KeepUnsavedEdit />
        <AgencyInputs />
      </SimpleForm>
    </Edit>
  );
}
