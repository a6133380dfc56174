import { DataTable, DateField, List, NullableBooleanInput, ReferenceInput, SearchInput, SelectInput } from 'react-admin';
import { ActiveChip } from '../common/ActiveChip';
import { BulkActiveButtons } from '../common/BulkActiveButtons';
import { csvExporter } from '../common/csvExporter';
import { labelOf, roles } from '../choices';
import { ServerListActions } from '../dataProvider/ServerListActions';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="E-mail or name" />,
  <SelectInput key="role" source="role" label="Role" choices={roles} />,
  <ReferenceInput key="agencyId" source="agencyId" reference="agencies" sort={{ field: 'name', order: 'ASC' }}>
    <SelectInput label="Agency" optionText="name" />
  </ReferenceInput>,
  <NullableBooleanInput key="active" source="active" label="Active" />,
];

interface UserRecord {
  email: string;
  displayName: string;
  role: string;
  active: boolean;
  lastLoginAt: string | null;
  agency: { name: string } | null;
}

const exporter = csvExporter<UserRecord>('users', [
  { header: 'E-mail', value: (user) => user.email },
  { header: 'Display name', value: (user) => user.displayName },
  { header: 'Role', value: (user) => labelOf(roles, user.role) },
  { header: 'Agency', value: (user) => user.agency?.name },
  { header: 'Active', value: (user) => (user.active ? 'yes' : 'no') },
  { header: 'Last sign-in', value: (user) => user.lastLoginAt },
]);

export function UserList() {
  return (
    <List filters={filters} sort={{ field: 'email', order: 'ASC' }} exporter={exporter} actions={<ServerListActions />}>
      <DataTable bulkActionButtons={<BulkActiveButtons />} rowClick="edit">
        <DataTable.Col source="email" label="E-mail" />
        <DataTable.Col source="displayName" label="Display name" />
        <DataTable.Col source="role" label="Role" render={(user: UserRecord) => labelOf(roles, user.role)} />
        <DataTable.Col source="agencyId" label="Agency" disableSort render={(user: UserRecord) => user.agency?.name ?? ''} />
        <DataTable.Col source="active" label="Status" disableSort render={(user: UserRecord) => <ActiveChip active={user.active} />} />
        <DataTable.Col source="lastLoginAt" label="Last sign-in">
          <DateField source="lastLoginAt" showTime emptyText="never" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
