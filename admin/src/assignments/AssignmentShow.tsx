import { DateField, FunctionField, NumberField, ReferenceField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { assignmentRoles, labelOf, officerLabel } from '../choices';

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
        <DateField source="startDate" label="First day" />
        <DateField source="endDate" label="Last day" emptyText="open-ended" />
        <NumberField source="fte" label="FTE share" />
        <TextField source="notes" label="Notes" emptyText="—" />
        <DateField source="updatedAt" label="Last changed" showTime />
      </SimpleShowLayout>
    </Show>
  );
}
