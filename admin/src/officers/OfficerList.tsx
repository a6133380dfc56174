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
  SimpleList,
} from 'react-admin';
import { formatDate } from '../common/dates';
import { useIsPhone } from '../common/useIsPhone';
import { useMayChange } from '../common/useMayChange';
import { labelOf, officerRanks, officerStatuses } from '../choices';
import type { OfficerRecord } from './officerColumns';
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

function OfficerBulkActions({ mayDelete }: { mayDelete: boolean }) {
  return (
    <>
      <BulkUpdateButton
        label="Set on leave"
        data={{ status: 'ON_LEAVE' }}
        mutationMode="pessimistic"
        confirmTitle="Set this officer on leave? |||| Set these %{smart_count} officers on leave?"
        confirmContent="Confirm changes the officer's status to On leave. |||| Confirm changes the status of these %{smart_count} officers to On leave."
        successMessage="The officer is on leave |||| %{smart_count} officers are on leave"
      />
      <BulkUpdateButton
        label="Deactivate"
        data={{ status: 'INACTIVE' }}
        mutationMode="pessimistic"
        confirmTitle="Deactivate this officer? |||| Deactivate these %{smart_count} officers?"
        confirmContent="Confirm changes the officer's status to Inactive. |||| Confirm changes the status of these %{smart_count} officers to Inactive."
        successMessage="The officer is inactive |||| %{smart_count} officers are inactive"
      />
      {mayDelete && <BulkDeleteButton mutationMode="pessimistic" />}
    </>
  );
}

const statusColor = { ACTIVE: 'success', ON_LEAVE: 'warning', INACTIVE: 'default' } as const;

export function OfficerList() {
  const isPhone = useIsPhone();
  // Only rows the user may change can be selected: a chief, its own agency's officers.
  const { permissions, may } = useMayChange('officers');
  const mayEditSome = permissions?.role === 'ADMIN' || permissions?.role === 'AGENCY_CHIEF';
  const mayDelete = permissions?.role === 'ADMIN';
  return (
    <List filters={filters} sort={{ field: 'lastName', order: 'ASC' }} actions={<ServerListActions />}>
      {isPhone ? (
        <SimpleList<OfficerRecord>
          primaryText={(officer) => `${officer.lastName}, ${officer.firstName}`}
          secondaryText={(officer) => `${labelOf(officerRanks, officer.rank)} · ${officer.agency?.name ?? ''}`}
          tertiaryText={(officer) => (officer.status ? labelOf(officerStatuses, officer.status) : '')}
          linkType="show"
        />
      ) : (
        <DataTable
          bulkActionButtons={mayEditSome ? <OfficerBulkActions mayDelete={mayDelete} /> : false}
          isRowSelectable={(officer) => may(officer)}
          rowClick="show"
        >
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
          <DataTable.Col source="sroSince" label="SRO since" render={(officer: OfficerRecord) => formatDate(officer.sroSince)} />
        </DataTable>
      )}
    </List>
  );
}
