import { Edit, SimpleForm } from 'react-admin';
import { KeepUnsavedEdit } from '../common/KeepUnsavedEdit';
import { OfficerAbsenceInputs } from './OfficerAbsenceInputs';

export function OfficerAbsenceEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm>
        <KeepUnsavedEdit />
        <OfficerAbsenceInputs />
      </SimpleForm>
    </Edit>
  );
}
