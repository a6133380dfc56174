import { Edit, SimpleForm } from 'react-admin';
import { SchoolInputs } from './SchoolInputs';
import { KeepUnsavedEdit } from '../common/KeepUnsavedEdit';
import { useNamedSuccess } from '../common/useNamedSuccess';

export function SchoolEdit() {
  const named = useNamedSuccess('saved', 'show');
  return (
    <Edit mutationMode="pessimistic" mutationOptions={named}>
      <SimpleForm>
        <KeepUnsavedEdit />
        <SchoolInputs />
      </SimpleForm>
    </Edit>
  );
}
