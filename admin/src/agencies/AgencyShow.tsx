import { BooleanField, DataTable, EmailField, FunctionField, ReferenceManyField, Show, TabbedShowLayout, TextField } from 'react-admin';
import { agencyKinds, labelOf, officerRanks, officerStatuses } from '../choices';
import { InstantField } from '../common/DateFields';

export function AgencyShow() {
  return (
    <Show>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="Agency">
          <TextField source="name" label="Name" />
          <FunctionField label="Kind" render={(agency) => labelOf(agencyKinds, agency.kind)} />
          <TextField source="ori" label="ORI" emptyText="—" />
          <TextField source="chiefName" label="Chief or sheriff" emptyText="—" />
          <TextField source="phone" label="Phone" emptyText="—" />
          <EmailField source="email" label="E-mail" emptyText="—" />
          <TextField source="address" label="Address" emptyText="—" />
          <BooleanField source="active" label="Takes part in the program" />
          <InstantField source="updatedAt" label="Last changed" />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="Officers" path="officers">
          <ReferenceManyField
            reference="officers"
            target="agencyId"
            sort={{ field: 'lastName', order: 'ASC' }}
            perPage={100}
            empty={<p>No officers yet.</p>}
          >
            <DataTable bulkActionButtons={false}>
              <DataTable.Col source="lastName" label="Last name" />
              <DataTable.Col source="firstName" label="First name" />
              <DataTable.Col source="rank" label="Rank" render={(officer) => labelOf(officerRanks, officer.rank)} />
              <DataTable.Col source="status" label="Status" render={(officer) => labelOf(officerStatuses, officer.status)} />
            </DataTable>
          </ReferenceManyField>
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}
