import { Edit, SimpleForm } from 'react-admin';
import { AgencyInputs } from './AgencyInputs';

export function AgencyEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm>
        <AgencyInputs />
      </SimpleForm>
    </Edit>
  );
}
