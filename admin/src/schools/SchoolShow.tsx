import {
  BooleanField,
  CreateButton,
  DataTable,
  EditButton,
  FunctionField,
  NumberField,
  ReferenceField,
  ReferenceManyField,
  Show,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { assignmentRoles, labelOf, schoolLevels, schoolLocales } from '../choices';
import { CoverageChip } from './CoverageChip';
import { formatDate } from '../common/dates';

function SchoolShowActions() {
  const school = useRecordContext();
  return (
    <TopToolbar>
      {school && (
        <CreateButton resource="assignments" label="Assign an officer" state={{ record: { schoolId: school.id, role: 'PRIMARY' } }} />
      )}
      <EditButton />
    </TopToolbar>
  );
}

export function SchoolShow() {
  return (
    <Show actions={<SchoolShowActions />}>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="School">
          <TextField source="name" label="Name" />
          <FunctionField label="Coverage today" render={(school) => <CoverageChip status={school.coverageStatus} />} />
          <FunctionField label="Level" render={(school) => labelOf(schoolLevels, school.level)} />
          <FunctionField label="Locale" render={(school) => labelOf(schoolLocales, school.locale)} />
          <NumberField source="enrollment" label="Enrollment" />
          <TextField source="ncesId" label="NCES id" emptyText="—" />
          <TextField source="principalName" label="Principal" emptyText="—" />
          <TextField source="phone" label="Phone" emptyText="—" />
          <TextField source="address" label="Address" emptyText="—" />
          <BooleanField source="active" label="Open" />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="Assignments" path="assignments">
          <ReferenceManyField
            reference="assignments"
            target="schoolId"
            sort={{ field: 'startDate', order: 'DESC' }}
            perPage={50}
            empty={<p>No officer has been assigned to this school.</p>}
          >
            <DataTable bulkActionButtons={false} rowClick="show">
              <DataTable.Col source="officerId" label="Officer">
                <ReferenceField source="officerId" reference="officers" link="show" />
              </DataTable.Col>
              <DataTable.Col source="role" label="Role" render={(assignment) => labelOf(assignmentRoles, assignment.role)} />
              <DataTable.Col source="startDate" label="From" render={(assignment) => formatDate(assignment.startDate)} />
              <DataTable.Col source="endDate" label="To" render={(assignment) => formatDate(assignment.endDate) || 'open-ended'} />
              <DataTable.NumberCol source="fte" label="FTE" />
            </DataTable>
          </ReferenceManyField>
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}
