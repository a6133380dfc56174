import { Grid } from '@mui/material';
import { useWatch } from 'react-hook-form';
import {
  AutocompleteInput,
  DateInput,
  maxLength,
  maxValue,
  minValue,
  NumberInput,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
  usePermissions,
} from 'react-admin';
import { withinEditWindow, type Permissions } from '../auth/permissions';
import { today } from '../common/dates';
import { activityCategories, instructionTopics, officerLabel } from '../choices';
import { StudentPrivacyNotice } from './StudentPrivacyNotice';

const searchByName = (text: string) => ({ q: text });

function TopicInput() {
  const category = useWatch({ name: 'category' });
  if (category !== 'CLASSROOM_INSTRUCTION') return null;
  return <SelectInput source="topic" label="Lesson topic" choices={instructionTopics} validate={required()} fullWidth />;
}

/** The activity form's inputs, shared by create and edit. An officer logs as itself and picks no officer. */
export function ActivityInputs() {
  const { permissions } = usePermissions<Permissions>();
  const picksOfficer = permissions?.role === 'ADMIN' || permissions?.role === 'AGENCY_CHIEF';
  return (
    <Grid container columnSpacing={2} sx={{ maxWidth: 900 }}>
      {picksOfficer && (
        <Grid size={{ xs: 12, md: 6 }}>
          <ReferenceInput
            source="officerId"
            reference="officers"
            sort={{ field: 'lastName', order: 'ASC' }}
            filter={permissions?.role === 'AGENCY_CHIEF' ? { agencyId: permissions.agencyId } : {}}
            perPage={100}
          >
            <AutocompleteInput label="Officer" optionText={officerLabel} filterToQuery={searchByName} validate={required()} fullWidth />
          </ReferenceInput>
        </Grid>
      )}
      <Grid size={{ xs: 12, md: 6 }}>
        <ReferenceInput source="schoolId" reference="schools" sort={{ field: 'name', order: 'ASC' }} perPage={100}>
          <AutocompleteInput
            label="School"
            optionText="name"
            filterToQuery={searchByName}
            helperText="Leave empty for district-wide work"
            fullWidth
          />
        </ReferenceInput>
      </Grid>
      <Grid size={{ xs: 12, sm: 4 }}>
        <DateInput
          source="date"
          label="Date"
          defaultValue={today()}
          validate={[
            required(),
            maxValue(today(), 'The date cannot be in the future'),
            // An officer's own log is open for 14 days: say so before the server refuses it.
            ...(permissions?.role === 'OFFICER' ? [withinEditWindow] : []),
          ]}
          fullWidth
        />
      </Grid>
      <Grid size={{ xs: 12, sm: 8 }}>
        <SelectInput source="category" label="Category" choices={activityCategories} validate={required()} fullWidth />
      </Grid>
      <Grid size={12}>
        <TopicInput />
      </Grid>
      <Grid size={{ xs: 12, sm: 4 }}>
        <NumberInput
          source="durationMinutes"
          label="Duration (minutes)"
          min={1}
          max={1440}
          step={1}
          validate={[required(), minValue(1), maxValue(1440)]}
          fullWidth
        />
      </Grid>
      <Grid size={{ xs: 6, sm: 4 }}>
        <NumberInput source="studentsReached" label="Students reached" min={0} step={1} defaultValue={0} validate={minValue(0)} fullWidth />
      </Grid>
      <Grid size={{ xs: 6, sm: 4 }}>
        <NumberInput source="staffReached" label="Staff reached" min={0} step={1} defaultValue={0} validate={minValue(0)} fullWidth />
      </Grid>
      <Grid size={12}>
        <StudentPrivacyNotice />
        <TextInput
          source="notes"
          label="Notes"
          multiline
          minRows={3}
          validate={maxLength(500)}
          helperText="At most 500 characters. Never name or identify a student."
          slotProps={{ htmlInput: { 'aria-describedby': 'student-privacy-notice', maxLength: 500 } }}
          fullWidth
        />
      </Grid>
    </Grid>
  );
}
