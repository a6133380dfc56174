import { Create, SimpleForm } from 'react-admin';
import { OfficerInputs } from './OfficerInputs';
import { KeepUnsavedEdit } from '../common/KeepUnsavedEdit';

export function OfficerCreate() {
  return (
    <Create redirect="show">
      <SimpleForm>
        <KeepUnsavedEdit />
        <OfficerInputs />
      </SimpleForm>
    </Create>
  );
}
