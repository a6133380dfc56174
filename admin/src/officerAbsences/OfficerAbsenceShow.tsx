import { DateField, FunctionField, ReferenceField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { absenceReasons, labelOf, officerLabel } from '../choices';

export function OfficerAbsenceShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <FunctionField label="Absence" render={(absence) => `#${absence.id}`} />
        <ReferenceField source="officerId" reference="officers" label="Officer away" link="show">
          <FunctionField render={officerLabel} />
        </ReferenceField>
        <DateField source="startDate" label="First day away" />
        <DateField source="endDate" label="Last day away" emptyText="not known" />
        <FunctionField label="Reason" render={(absence) => labelOf(absenceReasons, absence.reason)} />
        <ReferenceField source="substituteOfficerId" reference="officers" label="Substitute" link="show" emptyText="none">
          <FunctionField render={officerLabel} />
        </ReferenceField>
        <TextField source="notes" label="Notes" emptyText="—" />
        <DateField source="updatedAt" label="Last changed" showTime />
      </SimpleShowLayout>
    </Show>
  );
}
