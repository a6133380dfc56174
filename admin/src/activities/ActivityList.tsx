import {
  BulkDeleteButton,
  DataTable,
  DateInput,
  List,
  NullableBooleanInput,
  ReferenceInput,
  SearchInput,
  SelectInput,
  useCanAccess,
} from 'react-admin';
import { activityCategories, instructionTopics, labelOf } from '../choices';
import { activityExporter, type ActivityRecord } from './activityColumns';
import { ServerListActions } from '../dataProvider/ServerListActions';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Notes, officer or school" />,
  <DateInput key="dateFrom" source="dateFrom" label="From" />,
  <DateInput key="dateTo" source="dateTo" label="To" />,
  <SelectInput key="category" source="category" label="Category" choices={activityCategories} />,
  <SelectInput key="topic" source="topic" label="Topic" choices={instructionTopics} />,
  <ReferenceInput key="agencyId" source="agencyId" reference="agencies" sort={{ field: 'name', order: 'ASC' }}>
    <SelectInput label="Agency" optionText="name" />
  </ReferenceInput>,
  <ReferenceInput key="schoolId" source="schoolId" reference="schools" sort={{ field: 'name', order: 'ASC' }} perPage={100}>
    <SelectInput label="School" optionText="name" />
  </ReferenceInput>,
  <NullableBooleanInput key="districtWide" source="districtWide" label="District-wide" />,
];

function ActivityBulkActions() {
  const { canAccess } = useCanAccess({ resource: 'activities', action: 'delete' });
  return canAccess ? <BulkDeleteButton mutationMode="pessimistic" /> : null;
}

export function ActivityList() {
  return (
    <List filters={filters} sort={{ field: 'date', order: 'DESC' }} exporter={activityExporter} actions={<ServerListActions />}>
      <DataTable bulkActionButtons={<ActivityBulkActions />} rowClick="show">
        <DataTable.Col source="date" label="Date" />
        <DataTable.Col
          source="officerId"
          label="Officer"
          render={(activity: ActivityRecord) => `${activity.officer.lastName}, ${activity.officer.firstName}`}
        />
        <DataTable.Col source="schoolId" label="School" render={(activity: ActivityRecord) => activity.school?.name ?? 'District-wide'} />
        <DataTable.Col
          source="category"
          label="Category"
          render={(activity: ActivityRecord) =>
            labelOf(activityCategories, activity.category) + (activity.topic ? ` — ${labelOf(instructionTopics, activity.topic)}` : '')
          }
        />
        <DataTable.NumberCol source="durationMinutes" label="Minutes" />
        <DataTable.NumberCol source="studentsReached" label="Students" />
        <DataTable.NumberCol source="staffReached" label="Staff" />
      </DataTable>
    </List>
  );
}
