import { FunctionField, NumberField, ReferenceField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { assignmentRoles, labelOf, officerLabel } from '../choices';
import { DayField, InstantField } from '../common/DateFields';

export function AssignmentShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <FunctionField label="Assignment" render={(assignment) => `#${assignment.id}`} />
        <ReferenceField source="officerId" reference="officers" label="Officer" link="show">
          <FunctionField render={officerLabel} />
        </ReferenceField>
        <ReferenceField source="schoolId" reference="schools" label="School" link="show" />
        <FunctionField label="Role" render={(assignment) => labelOf(assignmentRoles, assignment.role)} />
        <DayField source="startDate" label="First day" />
        <DayField source="endDate" label="Last day" emptyText="open-ended" />
        <NumberField source="fte" label="FTE share" />
        <TextField source="notes" label="Notes" emptyText="—" />
        <InstantField source="updatedAt" label="Last changed" />
      </SimpleShowLayout>
    </Show>
  );
}
