import { Create, SimpleForm } from 'react-admin';
import { SchoolInputs } from './SchoolInputs';
import { KeepUnsavedEdit } from '../common/KeepUnsavedEdit';
import { useNamedSuccess } from '../common/useNamedSuccess';

export function SchoolCreate() {
  const named = useNamedSuccess('created', 'show');
  return (
    <Create mutationOptions={named}>
      <SimpleForm>
        <KeepUnsavedEdit />
        <SchoolInputs />
      </SimpleForm>
    </Create>
  );
}
