import { DataTable, List, NullableBooleanInput, ReferenceInput, SearchInput, SelectInput, SimpleList } from 'react-admin';
import { useIsPhone } from '../common/useIsPhone';
import { BulkActiveButtons } from '../common/BulkActiveButtons';
import { coverageStatuses, labelOf, schoolLevels, schoolLocales } from '../choices';
import { CoverageChip } from './CoverageChip';
import { ServerListActions } from '../dataProvider/ServerListActions';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Name, NCES id or principal" />,
  <SelectInput key="level" source="level" label="Level" choices={schoolLevels} />,
  <SelectInput key="locale" source="locale" label="Locale" choices={schoolLocales} />,
  <ReferenceInput key="agencyId" source="agencyId" reference="agencies" sort={{ field: 'name', order: 'ASC' }}>
    <SelectInput label="Served by agency" optionText="name" />
  </ReferenceInput>,
  <NullableBooleanInput key="active" source="active" label="Open" />,
];

export interface SchoolRecord {
  id: string;
  name: string;
  ncesId: string | null;
  level: string;
  locale: string;
  enrollment: number;
  principalName: string | null;
  phone: string | null;
  active: boolean;
  coverageStatus: string;
}

export function SchoolList() {
  const isPhone = useIsPhone();
  return (
    <List filters={filters} sort={{ field: 'name', order: 'ASC' }} actions={<ServerListActions />}>
      {isPhone ? (
        <SimpleList<SchoolRecord>
          primaryText={(school) => school.name}
          secondaryText={(school) =>
            `${labelOf(schoolLevels, school.level)} · ${labelOf(schoolLocales, school.locale)} · ${school.enrollment} students`
          }
          tertiaryText={(school) => labelOf(coverageStatuses, school.coverageStatus)}
          linkType="show"
        />
      ) : (
        <DataTable bulkActionButtons={<BulkActiveButtons />} rowClick="show">
          <DataTable.Col source="name" label="Name" />
          <DataTable.Col source="level" label="Level" render={(school: SchoolRecord) => labelOf(schoolLevels, school.level)} />
          <DataTable.Col source="locale" label="Locale" render={(school: SchoolRecord) => labelOf(schoolLocales, school.locale)} />
          <DataTable.NumberCol source="enrollment" label="Enrollment" />
          <DataTable.Col source="principalName" label="Principal" disableSort />
          <DataTable.Col
            source="coverageStatus"
            label="Coverage today"
            disableSort
            render={(school: SchoolRecord) => <CoverageChip status={school.coverageStatus} />}
          />
        </DataTable>
      )}
    </List>
  );
}
