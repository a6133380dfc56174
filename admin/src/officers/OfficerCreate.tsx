import { Create, SimpleForm } from 'react-admin';
import { OfficerInputs } from './OfficerInputs';

export function OfficerCreate() {
  return (
    <Create redirect="show">
      <SimpleForm>
        <OfficerInputs />
      </SimpleForm>
    </Create>
  );
}
