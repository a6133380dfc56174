import { BulkDeleteButton, DataTable, DateInput, List, ReferenceInput, SearchInput, SelectInput, useCanAccess } from 'react-admin';
import { csvExporter } from '../common/csvExporter';
import { assignmentRoles, labelOf, officerLabel, officerRanks } from '../choices';
import { BulkEndButton } from './BulkEndButton';
import { ServerListActions } from '../dataProvider/ServerListActions';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Officer or school" />,
  <DateInput key="activeOn" source="activeOn" label="Active on" />,
  <ReferenceInput key="agencyId" source="agencyId" reference="agencies" sort={{ field: 'name', order: 'ASC' }}>
    <SelectInput label="Agency" optionText="name" />
  </ReferenceInput>,
  <SelectInput key="role" source="role" label="Role" choices={assignmentRoles} />,
  <DateInput key="endsFrom" source="endsFrom" label="Ends from" />,
  <DateInput key="endsTo" source="endsTo" label="Ends by" />,
];

interface AssignmentRecord {
  id: string;
  role: string;
  startDate: string;
  endDate: string | null;
  fte: number;
  officer: { firstName: string; lastName: string; rank: string; agency: { name: string } };
  school: { name: string };
}

const exporter = csvExporter<AssignmentRecord>('assignments', [
  { header: 'Assignment', value: (assignment) => assignment.id },
  { header: 'Officer', value: (assignment) => `${assignment.officer.lastName}, ${assignment.officer.firstName}` },
  { header: 'Rank', value: (assignment) => labelOf(officerRanks, assignment.officer.rank) },
  { header: 'Agency', value: (assignment) => assignment.officer.agency.name },
  { header: 'School', value: (assignment) => assignment.school.name },
  { header: 'Role', value: (assignment) => labelOf(assignmentRoles, assignment.role) },
  { header: 'First day', value: (assignment) => assignment.startDate },
  { header: 'Last day', value: (assignment) => assignment.endDate },
  { header: 'FTE', value: (assignment) => assignment.fte },
]);

function AssignmentBulkActions() {
  const { canAccess } = useCanAccess({ resource: 'assignments', action: 'edit' });
  if (!canAccess) return null;
  return (
    <>
      <BulkEndButton />
      <BulkDeleteButton mutationMode="pessimistic" />
    </>
  );
}

export function AssignmentList() {
  return (
    <List filters={filters} sort={{ field: 'startDate', order: 'DESC' }} exporter={exporter} actions={<ServerListActions />}>
      <DataTable bulkActionButtons={<AssignmentBulkActions />} rowClick="show">
        <DataTable.Col source="id" label="#" disableSort />
        <DataTable.Col source="officerId" label="Officer" render={(assignment: AssignmentRecord) => officerLabel(assignment.officer)} />
        <DataTable.Col source="schoolId" label="School" render={(assignment: AssignmentRecord) => assignment.school.name} />
        <DataTable.Col source="role" label="Role" render={(assignment: AssignmentRecord) => labelOf(assignmentRoles, assignment.role)} />
        <DataTable.Col source="startDate" label="First day" />
        <DataTable.Col source="endDate" label="Last day" render={(assignment: AssignmentRecord) => assignment.endDate ?? 'open-ended'} />
        <DataTable.NumberCol source="fte" label="FTE" />
      </DataTable>
    </List>
  );
}
