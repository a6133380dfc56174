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
import { absenceReasons, labelOf, officerLabel } from '../choices';
import { formatDate } from '../common/dates';
import { useIsPhone } from '../common/useIsPhone';
import { ServerListActions } from '../dataProvider/ServerListActions';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Officer or substitute" />,
  <DateInput key="activeOn" source="activeOn" label="Away on" />,
  <ReferenceInput key="agencyId" source="agencyId" reference="agencies" sort={{ field: 'name', order: 'ASC' }}>
    <SelectInput label="Agency" optionText="name" />
  </ReferenceInput>,
  <SelectInput key="reason" source="reason" label="Reason" choices={absenceReasons} />,
];

type OfficerSummary = { firstName: string; lastName: string; rank: string; agency: { name: string } };

interface AbsenceRecord {
  id: string;
  reason: string;
  startDate: string;
  endDate: string | null;
  officer: OfficerSummary;
  substitute: OfficerSummary | null;
}

const period = (absence: AbsenceRecord) =>
  `${formatDate(absence.startDate)} – ${absence.endDate ? formatDate(absence.endDate) : 'not known'}`;

export function OfficerAbsenceList() {
  const isPhone = useIsPhone();
  const { canAccess: mayDelete } = useCanAccess({ resource: 'officerAbsences', action: 'delete' });
  const { permissions } = usePermissions<Permissions>();
  const isOfficer = permissions?.role === 'OFFICER';
  return (
    <List filters={filters} sort={{ field: 'startDate', order: 'DESC' }} actions={<ServerListActions />}>
      {isPhone ? (
        <SimpleList<AbsenceRecord>
          primaryText={(absence) => (isOfficer ? labelOf(absenceReasons, absence.reason) : officerLabel(absence.officer))}
          secondaryText={(absence) =>
            `${labelOf(absenceReasons, absence.reason)}${absence.substitute ? ` · substitute ${officerLabel(absence.substitute)}` : ''}`
          }
          tertiaryText={period}
          linkType="show"
        />
      ) : (
        <DataTable bulkActionButtons={mayDelete ? <BulkDeleteButton mutationMode="pessimistic" /> : false} rowClick="show">
          <DataTable.Col source="id" label="#" disableSort />
          {!isOfficer && (
            <DataTable.Col source="officerId" label="Officer away" render={(absence: AbsenceRecord) => officerLabel(absence.officer)} />
          )}
          <DataTable.Col source="reason" label="Reason" render={(absence: AbsenceRecord) => labelOf(absenceReasons, absence.reason)} />
          <DataTable.Col source="startDate" label="First day" render={(absence: AbsenceRecord) => formatDate(absence.startDate)} />
          <DataTable.Col
            source="endDate"
            label="Last day"
            render={(absence: AbsenceRecord) => (absence.endDate ? formatDate(absence.endDate) : 'not known')}
          />
          <DataTable.Col
            source="substituteOfficerId"
            label="Substitute"
            disableSort
            render={(absence: AbsenceRecord) => (absence.substitute ? officerLabel(absence.substitute) : '—')}
          />
        </DataTable>
      )}
    </List>
  );
}
