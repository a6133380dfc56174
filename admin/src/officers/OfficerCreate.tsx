import { Create, SimpleForm } from 'react-admin';
import { OfficerInputs } from './OfficerInputs';
import { KeepUnsavedEdit } from '../common/KeepUnsavedEdit';
import { useNamedSuccess } from '../common/useNamedSuccess';

export function OfficerCreate() {
  const named = useNamedSuccess('created', 'show');
  return (
    <Create mutationOptions={named}>
      <SimpleForm>
        <KeepUnsavedEdit />
        <OfficerInputs />
      </SimpleForm>
    </Create>
  );
}
