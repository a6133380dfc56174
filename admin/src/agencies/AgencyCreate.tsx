import { Create, SimpleForm } from 'react-admin';
import { AgencyInputs } from './AgencyInputs';
import { KeepUnsavedEdit } from '../common/KeepUnsavedEdit';

export function AgencyCreate() {
  return (
    <Create redirect="show">
      <SimpleForm>
        <KeepUnsavedEdit />
        <AgencyInputs />
      </SimpleForm>
    </Create>
  );
}
