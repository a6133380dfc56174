import { FunctionField, NumberField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { activityCategories, instructionTopics, labelOf, officerLabel } from '../choices';
import { DayField } from '../common/DateFields';

export function ActivityShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <DayField source="date" label="Date" />
        <FunctionField label="Officer" render={(activity) => officerLabel(activity.officer)} />
        <FunctionField label="School" render={(activity) => activity.school?.name ?? 'District-wide'} />
        <FunctionField label="Category" render={(activity) => labelOf(activityCategories, activity.category)} />
        <FunctionField label="Lesson topic" render={(activity) => labelOf(instructionTopics, activity.topic) || '—'} />
        <NumberField source="durationMinutes" label="Duration (minutes)" />
        <NumberField source="studentsReached" label="Students reached" />
        <NumberField source="staffReached" label="Staff reached" />
        <TextField source="notes" label="Notes" emptyText="—" />
      </SimpleShowLayout>
    </Show>
  );
}
