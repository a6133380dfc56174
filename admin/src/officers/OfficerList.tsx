import { Chip } from '@mui/material';
import {
  BulkDeleteButton,
  BulkUpdateButton,
  DataTable,
  DateInput,
  List,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  useCanAccess,
} from 'react-admin';
import { labelOf, officerRanks, officerStatuses } from '../choices';
import { officerExporter, type OfficerRecord } from './officerColumns';
import { ServerListActions } from '../dataProvider/ServerListActions';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Name or badge" />,
  <ReferenceInput key="agencyId" source="agencyId" reference="agencies" sort={{ field: 'name', order: 'ASC' }}>
    <SelectInput label="Agency" optionText="name" />
  </ReferenceInput>,
  <SelectInput key="rank" source="rank" label="Rank" choices={officerRanks} />,
  <SelectInput key="status" source="status" label="Status" choices={officerStatuses} />,
  <DateInput key="unassignedOn" source="unassignedOn" label="Without an assignment on" />,
  <DateInput key="assignedOn" source="assignedOn" label="With an assignment on" />,
];

function OfficerBulkActions() {
  const { canAccess: canEdit } = useCanAccess({ resource: 'officers', action: 'edit' });
  if (!canEdit) return null;
  return (
    <>
      <BulkUpdateButton label="Set on leave" data={{ status: 'ON_LEAVE' }} mutationMode="pessimistic" />
      <BulkUpdateButton label="Deactivate" data={{ status: 'INACTIVE' }} mutationMode="pessimistic" />
      <BulkDeleteButton mutationMode="pessimistic" />
    </>
  );
}

const statusColor = { ACTIVE: 'success', ON_LEAVE: 'warning', INACTIVE: 'default' } as const;

export function OfficerList() {
  return (
    <List filters={filters} sort={{ field: 'lastName', order: 'ASC' }} exporter={officerExporter} actions={<ServerListActions />}>
      <DataTable bulkActionButtons={<OfficerBulkActions />} rowClick="show">
        <DataTable.Col source="lastName" label="Last name" />
        <DataTable.Col source="firstName" label="First name" />
        <DataTable.Col source="rank" label="Rank" render={(officer: OfficerRecord) => labelOf(officerRanks, officer.rank)} />
        <DataTable.Col source="agencyId" label="Agency">
          <ReferenceField source="agencyId" reference="agencies" link="show" />
        </DataTable.Col>
        <DataTable.Col source="badgeNumber" label="Badge" />
        <DataTable.Col
          source="status"
          label="Status"
          render={(officer: OfficerRecord) =>
            officer.status ? (
              <Chip
                size="small"
                variant="outlined"
                label={labelOf(officerStatuses, officer.status)}
                color={statusColor[officer.status as keyof typeof statusColor]}
              />
            ) : (
              '—'
            )
          }
        />
        <DataTable.Col source="sroSince" label="SRO since" />
      </DataTable>
    </List>
  );
}
