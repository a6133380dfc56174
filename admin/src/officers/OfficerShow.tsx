import {
  DataTable,
  EditButton,
  EmailField,
  FunctionField,
  ReferenceField,
  ReferenceManyField,
  Show,
  TabbedShowLayout,
  TextField,
  TopToolbar,
} from 'react-admin';
import { assignmentRoles, labelOf, officerRanks, officerStatuses } from '../choices';
import { DayField } from '../common/DateFields';
import { formatDate } from '../common/dates';

function OfficerShowActions() {
  return (
    <TopToolbar>
      <EditButton />
    </TopToolbar>
  );
}

/** Fields the API hides from a viewer come back null and show as a dash. */
export function OfficerShow() {
  return (
    <Show actions={<OfficerShowActions />}>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="Officer">
          <FunctionField label="Name" render={(officer) => `${officer.firstName} ${officer.lastName}`} />
          <FunctionField label="Rank" render={(officer) => labelOf(officerRanks, officer.rank)} />
          <ReferenceField source="agencyId" reference="agencies" label="Agency" link="show" />
          <TextField source="badgeNumber" label="Badge number" emptyText="—" />
          <FunctionField label="Status" render={(officer) => labelOf(officerStatuses, officer.status) || '—'} />
          <DayField source="sroSince" label="SRO since" emptyText="—" />
          <DayField source="sroTrainingCompletedOn" label="SRO basic training completed" emptyText="not yet" />
          <EmailField source="email" label="Work e-mail" emptyText="—" />
          <TextField source="phone" label="Work phone" emptyText="—" />
          <TextField source="notes" label="Notes" emptyText="—" />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="Assignments" path="assignments">
          <ReferenceManyField
            reference="assignments"
            target="officerId"
            sort={{ field: 'startDate', order: 'DESC' }}
            perPage={50}
            empty={<p>No assignments.</p>}
          >
            <DataTable bulkActionButtons={false}>
              <DataTable.Col source="schoolId" label="School">
                <ReferenceField source="schoolId" reference="schools" link="show" />
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
