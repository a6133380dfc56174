import { Create, SimpleForm } from 'react-admin';
import { UserInputs } from './UserInputs';
import { KeepUnsavedEdit } from '../common/KeepUnsavedEdit';
import { useNamedSuccess } from '../common/useNamedSuccess';

export function UserCreate() {
  const named = useNamedSuccess('created', 'list');
  return (
    <Create mutationOptions={named}>
      <SimpleForm>
        <KeepUnsavedEdit />
        <UserInputs isNew />
      </SimpleForm>
    </Create>
  );
}
