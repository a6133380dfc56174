import { DataTable, List, NullableBooleanInput, SearchInput, SelectInput, SimpleList } from 'react-admin';
import { useIsPhone } from '../common/useIsPhone';
import { ActiveChip } from '../common/ActiveChip';
import { BulkActiveButtons } from '../common/BulkActiveButtons';
import { agencyKinds, labelOf } from '../choices';
import { ServerListActions } from '../dataProvider/ServerListActions';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Name, chief or ORI" />,
  <SelectInput key="kind" source="kind" label="Kind" choices={agencyKinds} />,
  <NullableBooleanInput key="active" source="active" label="Active" />,
];

interface AgencyRecord {
  id: string;
  name: string;
  kind: string;
  ori: string | null;
  chiefName: string | null;
  phone: string | null;
  email: string | null;
  active: boolean;
}

export function AgencyList() {
  const isPhone = useIsPhone();
  return (
    <List filters={filters} sort={{ field: 'name', order: 'ASC' }} actions={<ServerListActions />}>
      {isPhone ? (
        <SimpleList<AgencyRecord>
          primaryText={(agency) => agency.name}
          secondaryText={(agency) => labelOf(agencyKinds, agency.kind)}
          tertiaryText={(agency) => (agency.active ? 'Active' : 'Inactive')}
          linkType="show"
        />
      ) : (
        <DataTable bulkActionButtons={<BulkActiveButtons />} rowClick="show">
          <DataTable.Col source="name" label="Name" />
          <DataTable.Col source="kind" label="Kind" render={(agency: AgencyRecord) => labelOf(agencyKinds, agency.kind)} />
          <DataTable.Col source="ori" label="ORI" disableSort />
          <DataTable.Col source="chiefName" label="Chief" disableSort />
          <DataTable.Col source="phone" label="Phone" disableSort />
          <DataTable.Col
            source="active"
            label="Status"
            disableSort
            render={(agency: AgencyRecord) => <ActiveChip active={agency.active} />}
          />
        </DataTable>
      )}
    </List>
  );
}
