import { Create, SimpleForm } from 'react-admin';
import { validateAssignmentValues } from './assignmentRules';
import { AssignmentInputs } from './AssignmentInputs';
import { InvalidFormToast } from './InvalidFormToast';
import { KeepUnsavedEdit } from '../common/KeepUnsavedEdit';
import { useNamedSuccess } from '../common/useNamedSuccess';

export function AssignmentCreate() {
  const named = useNamedSuccess('created', 'show');
  return (
    <Create mutationOptions={named}>
      <SimpleForm validate={validateAssignmentValues} disableInvalidFormNotification>
        <InvalidFormToast />
        <KeepUnsavedEdit />
        <AssignmentInputs isNew />
      </SimpleForm>
    </Create>
  );
}
