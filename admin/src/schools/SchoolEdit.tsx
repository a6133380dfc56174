import { Edit, SimpleForm } from 'react-admin';
import { SchoolInputs } from './SchoolInputs';

export function SchoolEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm>
        <SchoolInputs />
      </SimpleForm>
    </Edit>
  );
}
