import { Edit, SimpleForm } from 'react-admin';
import { UserInputs } from './UserInputs';
import { KeepUnsavedEdit } from '../common/KeepUnsavedEdit';
import { useNamedSuccess } from '../common/useNamedSuccess';

export function UserEdit() {
  const named = useNamedSuccess('saved', 'list');
  return (
    <Edit mutationMode="pessimistic" mutationOptions={named}>
      <SimpleForm>
        <KeepUnsavedEdit />
        <UserInputs isNew={false} />
      </SimpleForm>
    </Edit>
  );
}
