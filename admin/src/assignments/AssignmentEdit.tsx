import { Edit, SimpleForm } from 'react-admin';
import { validateAssignmentValues } from './assignmentRules';
import { AssignmentInputs } from './AssignmentInputs';
import { InvalidFormToast } from './InvalidFormToast';
import { KeepUnsavedEdit } from '../common/KeepUnsavedEdit';

export function AssignmentEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm validate={validateAssignmentValues} disableInvalidFormNotification>
        <InvalidFormToast />
        <KeepUnsavedEdit />
        <AssignmentInputs isNew={false} />
      </SimpleForm>
    </Edit>
  );
}
