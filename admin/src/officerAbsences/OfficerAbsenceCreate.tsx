import { Create, SimpleForm } from 'react-admin';
import { KeepUnsavedEdit } from '../common/KeepUnsavedEdit';
import { OfficerAbsenceInputs } from './OfficerAbsenceInputs';

export function OfficerAbsenceCreate() {
  return (
    <Create redirect="show">
      <SimpleForm>
        <KeepUnsavedEdit />
        <OfficerAbsenceInputs />
      </SimpleForm>
    </Create>
  );
}
