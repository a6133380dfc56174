import { Create, SimpleForm } from 'react-admin';
import { SchoolInputs } from './SchoolInputs';
import { KeepUnsavedEdit } from '../common/KeepUnsavedEdit';

export function SchoolCreate() {
  return (
    <Create redirect="show">
      <SimpleForm>
        <KeepUnsavedEdit />
        <SchoolInputs />
      </SimpleForm>
    </Create>
  );
}
