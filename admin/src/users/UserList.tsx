import { DataTable, List, NullableBooleanInput, ReferenceInput, SearchInput, SelectInput, SimpleList } from 'react-admin';
import { useIsPhone } from '../common/useIsPhone';
import { ActiveChip } from '../common/ActiveChip';
import { BulkActiveButtons } from '../common/BulkActiveButtons';
import { labelOf, roles } from '../choices';
import { ServerListActions } from '../dataProvider/ServerListActions';
import { InstantField } from '../common/DateFields';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="E-mail or name" />,
  <SelectInput key="role" source="role" label="Role" choices={roles} />,
  <ReferenceInput key="agencyId" source="agencyId" reference="agencies" sort={{ field: 'name', order: 'ASC' }}>
    <SelectInput label="Agency" optionText="name" />
  </ReferenceInput>,
  <NullableBooleanInput key="active" source="active" label="Active" />,
];

interface UserRecord {
  id: string;
  email: string;
  displayName: string;
  role: string;
  active: boolean;
  lastLoginAt: string | null;
  agency: { name: string } | null;
}

export function UserList() {
  const isPhone = useIsPhone();
  return (
    <List filters={filters} sort={{ field: 'email', order: 'ASC' }} actions={<ServerListActions />}>
      {isPhone ? (
        <SimpleList<UserRecord>
          primaryText={(user) => user.displayName}
          secondaryText={(user) => user.email}
          tertiaryText={(user) => labelOf(roles, user.role)}
          linkType="edit"
        />
      ) : (
        <DataTable bulkActionButtons={<BulkActiveButtons />} rowClick="edit">
          <DataTable.Col source="email" label="E-mail" />
          <DataTable.Col source="displayName" label="Display name" />
          <DataTable.Col source="role" label="Role" render={(user: UserRecord) => labelOf(roles, user.role)} />
          <DataTable.Col source="agencyId" label="Agency" disableSort render={(user: UserRecord) => user.agency?.name ?? ''} />
          <DataTable.Col source="active" label="Status" disableSort render={(user: UserRecord) => <ActiveChip active={user.active} />} />
          <DataTable.Col source="lastLoginAt" label="Last sign-in">
            <InstantField source="lastLoginAt" emptyText="never" />
          </DataTable.Col>
        </DataTable>
      )}
    </List>
  );
}
