import {
  BulkDeleteButton,
  DataTable,
  DateInput,
  List,
  ReferenceInput,
  SearchInput,
  SelectInput,
  SimpleList,
  useCanAccess,
  usePermissions,
} from 'react-admin';
import type { Permissions } from '../auth/permissions';
import { formatDate } from '../common/dates';
import { useIsPhone } from '../common/useIsPhone';
import { assignmentRoles, labelOf, officerLabel } from '../choices';
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

function AssignmentBulkActions() {
  return (
    <>
      <BulkEndButton />
      <BulkDeleteButton mutationMode="pessimistic" />
    </>
  );
}

export function AssignmentList() {
  const isPhone = useIsPhone();
  // No row checkboxes where no bulk action is allowed; an officer's own list does not repeat its name.
  const { canAccess: mayEdit } = useCanAccess({ resource: 'assignments', action: 'edit' });
  const { permissions } = usePermissions<Permissions>();
  const isOfficer = permissions?.role === 'OFFICER';
  return (
    <List filters={filters} sort={{ field: 'startDate', order: 'DESC' }} actions={<ServerListActions />}>
      {isPhone ? (
        <SimpleList<AssignmentRecord>
          primaryText={(assignment) => assignment.school.name}
          secondaryText={(assignment) =>
            `${isOfficer ? '' : `${officerLabel(assignment.officer)} · `}${labelOf(assignmentRoles, assignment.role)} · ${assignment.fte} FTE`
          }
          tertiaryText={(assignment) =>
            `${formatDate(assignment.startDate)} – ${assignment.endDate ? formatDate(assignment.endDate) : 'open-ended'}`
          }
          linkType="show"
        />
      ) : (
        <DataTable bulkActionButtons={mayEdit ? <AssignmentBulkActions /> : false} rowClick="show">
          <DataTable.Col source="id" label="#" disableSort />
          {!isOfficer && (
            <DataTable.Col source="officerId" label="Officer" render={(assignment: AssignmentRecord) => officerLabel(assignment.officer)} />
          )}
          <DataTable.Col source="schoolId" label="School" render={(assignment: AssignmentRecord) => assignment.school.name} />
          <DataTable.Col source="role" label="Role" render={(assignment: AssignmentRecord) => labelOf(assignmentRoles, assignment.role)} />
          <DataTable.Col source="startDate" label="First day" render={(assignment: AssignmentRecord) => formatDate(assignment.startDate)} />
          <DataTable.Col
            source="endDate"
            label="Last day"
            render={(assignment: AssignmentRecord) => (assignment.endDate ? formatDate(assignment.endDate) : 'open-ended')}
          />
          <DataTable.NumberCol source="fte" label="FTE" />
        </DataTable>
      )}
    </List>
  );
}
