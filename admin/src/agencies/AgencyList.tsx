import { DataTable, List, NullableBooleanInput, SearchInput, SelectInput } from 'react-admin';
import { ActiveChip } from '../common/ActiveChip';
import { BulkActiveButtons } from '../common/BulkActiveButtons';
import { csvExporter } from '../common/csvExporter';
import { agencyKinds, labelOf } from '../choices';
import { ServerListActions } from '../dataProvider/ServerListActions';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Name, chief or ORI" />,
  <SelectInput key="kind" source="kind" label="Kind" choices={agencyKinds} />,
  <NullableBooleanInput key="active" source="active" label="Active" />,
];

interface AgencyRecord {
  name: string;
  kind: string;
  ori: string | null;
  chiefName: string | null;
  phone: string | null;
  email: string | null;
  active: boolean;
}

const exporter = csvExporter<AgencyRecord>('agencies', [
  { header: 'Name', value: (agency) => agency.name },
  { header: 'Kind', value: (agency) => labelOf(agencyKinds, agency.kind) },
  { header: 'ORI', value: (agency) => agency.ori },
  { header: 'Chief', value: (agency) => agency.chiefName },
  { header: 'Phone', value: (agency) => agency.phone },
  { header: 'E-mail', value: (agency) => agency.email },
  { header: 'Active', value: (agency) => (agency.active ? 'yes' : 'no') },
]);

export function AgencyList() {
  return (
    <List filters={filters} sort={{ field: 'name', order: 'ASC' }} exporter={exporter} actions={<ServerListActions />}>
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
    </List>
  );
}
