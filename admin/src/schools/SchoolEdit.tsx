import { Edit, SimpleForm } from 'react-admin';
import { SchoolInputs } from './SchoolInputs';
import { KeepUnsavedEdit } from '../common/KeepUnsavedEdit';

export function SchoolEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm>
        <KeepUnsavedEdit />
        <SchoolInputs />
      </SimpleForm>
    </Edit>
  );
}
