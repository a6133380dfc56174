import { Edit, SimpleForm } from 'react-admin';
import { AgencyInputs } from './AgencyInputs';
import { KeepUnsavedEdit } from '../common/KeepUnsavedEdit';

export function AgencyEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm>
        <KeepUnsavedEdit />
        <AgencyInputs />
      </SimpleForm>
    </Edit>
  );
}
