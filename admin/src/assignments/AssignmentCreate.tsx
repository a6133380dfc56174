import { Create, SimpleForm } from 'react-admin';
import { validateAssignmentValues } from './assignmentRules';
import { AssignmentInputs } from './AssignmentInputs';

export function AssignmentCreate() {
  return (
    <Create redirect="show">
      <SimpleForm validate={validateAssignmentValues}>
        <AssignmentInputs isNew />
      </SimpleForm>
    </Create>
  );
}
