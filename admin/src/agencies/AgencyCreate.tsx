import { Create, SimpleForm } from 'react-admin';
import { AgencyInputs } from './AgencyInputs';

export function AgencyCreate() {
  return (
    <Create redirect="show">
      <SimpleForm>
        <AgencyInputs />
      </SimpleForm>
    </Create>
  );
}
