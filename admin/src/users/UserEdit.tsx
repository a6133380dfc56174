import { Edit, SimpleForm } from 'react-admin';
import { UserInputs } from './UserInputs';
import { KeepUnsavedEdit } from '../common/KeepUnsavedEdit';

export function UserEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="list">
      <SimpleForm>
        <KeepUnsavedEdit />
        <UserInputs isNew={false} />
      </SimpleForm>
    </Edit>
  );
}
