import { Create, SimpleForm } from 'react-admin';
import { validateAssignmentValues } from './assignmentRules';
import { AssignmentInputs } from './AssignmentInputs';
import { InvalidFormToast } from './InvalidFormToast';
import { KeepUnsavedEdit } from '../common/KeepUnsavedEdit';

export function AssignmentCreate() {
  return (
    <Create redirect="show">
      <SimpleForm validate={validateAssignmentValues} disableInvalidFormNotification>
        <InvalidFormToast />
        <KeepUnsavedEdit />
        <AssignmentInputs isNew />
      </SimpleForm>
    </Create>
  );
}
