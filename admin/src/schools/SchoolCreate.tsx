import { Create, SimpleForm } from 'react-admin';
import { SchoolInputs } from './SchoolInputs';

export function SchoolCreate() {
  return (
    <Create redirect="show">
      <SimpleForm>
        <SchoolInputs />
      </SimpleForm>
    </Create>
  );
}
