import { Edit, SimpleForm } from 'react-admin';
import { validateAssignmentValues } from './assignmentRules';
import { AssignmentInputs } from './AssignmentInputs';

export function AssignmentEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm validate={validateAssignmentValues}>
        <AssignmentInputs isNew={false} />
      </SimpleForm>
    </Edit>
  );
}
