import {
  BulkDeleteButton,
  DataTable,
  DateInput,
  List,
  NullableBooleanInput,
  ReferenceInput,
  SearchInput,
  SelectInput,
  SimpleList,
} from 'react-admin';
import { editableUntil, editWindowError } from '../auth/permissions';
import { formatDate } from '../common/dates';
import { useIsPhone } from '../common/useIsPhone';
import { useMayChange } from '../common/useMayChange';
import { activityCategories, instructionTopics, labelOf } from '../choices';
import type { ActivityRecord } from './activityColumns';
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

const categoryText = (activity: ActivityRecord) =>
  labelOf(activityCategories, activity.category) + (activity.topic ? ` — ${labelOf(instructionTopics, activity.topic)}` : '');
const officerText = (activity: ActivityRecord) => `${activity.officer.lastName}, ${activity.officer.firstName}`;
const schoolText = (activity: ActivityRecord) => activity.school?.name ?? 'District-wide';

/** An officer's own entry: until when it may still change it (the server's 14-day window). */
const editableText = (activity: ActivityRecord) =>
  editWindowError(activity.date) ? 'Locked' : `Editable until ${formatDate(editableUntil(activity.date))}`;

export function ActivityList() {
  const isPhone = useIsPhone();
  const { permissions, may } = useMayChange('activities', 'delete');
  // An officer sees only its own activities: a column repeating its name says nothing.
  const isOfficer = permissions?.role === 'OFFICER';
  const mayDeleteSome = permissions?.role === 'ADMIN' || permissions?.role === 'AGENCY_CHIEF' || isOfficer;
  return (
    <List filters={filters} sort={{ field: 'date', order: 'DESC' }} actions={<ServerListActions />}>
      {isPhone ? (
        <SimpleList<ActivityRecord>
          primaryText={categoryText}
          secondaryText={(activity) => `${formatDate(activity.date)} · ${schoolText(activity)}`}
          tertiaryText={(activity) => (isOfficer ? editableText(activity) : officerText(activity))}
          linkType="show"
        />
      ) : (
        <DataTable
          bulkActionButtons={mayDeleteSome ? <BulkDeleteButton mutationMode="pessimistic" /> : false}
          isRowSelectable={(activity) => may(activity)}
          rowClick="show"
        >
          <DataTable.Col source="date" label="Date" render={(activity: ActivityRecord) => formatDate(activity.date)} />
          {!isOfficer && <DataTable.Col source="officerId" label="Officer" render={officerText} />}
          <DataTable.Col source="schoolId" label="School" render={schoolText} />
          <DataTable.Col source="category" label="Category" render={categoryText} />
          <DataTable.NumberCol source="durationMinutes" label="Minutes" />
          <DataTable.NumberCol source="studentsReached" label="Students" />
          <DataTable.NumberCol source="staffReached" label="Staff" />
          {isOfficer && <DataTable.Col label="Editable" disableSort render={editableText} />}
        </DataTable>
      )}
    </List>
  );
}
