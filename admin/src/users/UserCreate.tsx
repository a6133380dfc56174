import { Create, SimpleForm } from 'react-admin';
import { UserInputs } from './UserInputs';
import { KeepUnsavedEdit } from '../common/KeepUnsavedEdit';

export function UserCreate() {
  return (
    <Create redirect="list">
      <SimpleForm>
        <KeepUnsavedEdit />
        <UserInputs isNew />
      </SimpleForm>
    </Create>
  );
}
