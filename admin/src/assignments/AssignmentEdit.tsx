import { Edit, SimpleForm } from 'react-admin';
import { validateAssignmentValues } from './assignmentRules';
import { AssignmentInputs } from './AssignmentInputs';
import { InvalidFormToast } from './InvalidFormToast';
import { KeepUnsavedEdit } from '../common/KeepUnsavedEdit';
import { useNamedSuccess } from '../common/useNamedSuccess';

export function AssignmentEdit() {
  const named = useNamedSuccess('saved', 'show');
  return (
    <Edit mutationMode="pessimistic" mutationOptions={named}>
      <SimpleForm validate={validateAssignmentValues} disableInvalidFormNotification>
        <InvalidFormToast />
        <KeepUnsavedEdit />
        <AssignmentInputs isNew={false} />
      </SimpleForm>
    </Edit>
  );
}
