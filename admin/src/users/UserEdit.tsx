import { Edit, SimpleForm } from 'react-admin';
import { UserInputs } from './UserInputs';

export function UserEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="list">
      <SimpleForm>
        <UserInputs isNew={false} />
      </SimpleForm>
    </Edit>
  );
}
