import { Box, Card, CardContent, List as MuiList, ListItem, ListItemText, Typography } from '@mui/material';
import { useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import {
  Button,
  Create,
  DateInput,
  Loading,
  maxLength,
  minValue,
  NumberInput,
  RadioButtonGroupInput,
  ReferenceInput,
  required,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Title,
  Toolbar,
  useGetList,
  useNotify,
  usePermissions,
} from 'react-admin';
import { withinEditWindow, type Permissions } from '../auth/permissions';
import { KeepUnsavedEdit } from '../common/KeepUnsavedEdit';
import { addDays, formatDate, today } from '../common/dates';
import { useReport } from '../reports/useReport';
import { activityCategories, instructionTopics, labelOf } from '../choices';
import { StudentPrivacyNotice } from './StudentPrivacyNotice';
import { withoutStrayTopic } from './transform';

const durations = [15, 30, 45, 60, 90, 120].map((minutes) => ({
  id: minutes,
  name: minutes < 60 ? `${minutes} min` : `${minutes / 60} h`,
}));
// The categories an SRO logs most, first; the rest follow.
const commonFirst = ['CLASSROOM_INSTRUCTION', 'MENTORING', 'VISIBILITY_PATROL', 'TIP_FOLLOW_UP', 'STAFF_PARENT_MEETING'];
const categoryChoices = [...activityCategories].sort((left, right) => {
  const rank = (id: string) => (commonFirst.includes(id) ? commonFirst.indexOf(id) : commonFirst.length);
  return rank(left.id) - rank(right.id);
});

function Topic() {
  const category = useWatch({ name: 'category' });
  if (category !== 'CLASSROOM_INSTRUCTION') return null;
  return <SelectInput source="topic" label="Lesson topic" choices={instructionTopics} validate={required()} fullWidth />;
}

const LATEST_ENTRIES = { pagination: { page: 1, perPage: 5 }, sort: { field: 'date', order: 'DESC' } } as const;

/** Fills the form with the officer's latest entry (all but its date and notes): the same duty, logged again today. */
function RepeatLastEntry() {
  const { data = [] } = useGetList('activities', LATEST_ENTRIES);
  const { setValue } = useFormContext();
  const latest = data[0];
  if (!latest) return null;
  const repeat = () => {
    for (const field of ['schoolId', 'category', 'topic', 'durationMinutes', 'studentsReached', 'staffReached'])
      setValue(field, latest[field] ?? null, { shouldDirty: true, shouldValidate: true });
  };
  return <Button label="Repeat last entry" onClick={repeat} sx={{ alignSelf: 'flex-start', mb: 1 }} />;
}

const MY_WEEK = `query MyWeek($from: Date!, $to: Date!) {
  activityReport(from: $from, to: $to) { totals { activities hours studentsReached } }
}`;

/** The officer's week so far (from Monday): what the quick log adds up to. */
function MyWeek() {
  const monday = addDays(today(), -((new Date().getDay() + 6) % 7));
  const { data } = useReport<{ activityReport: { totals: { activities: number; hours: number; studentsReached: number } } }>(MY_WEEK, {
    from: monday,
    to: today(),
  });
  const totals = data?.activityReport.totals;
  return (
    <Card sx={{ mt: 2 }} component="section" aria-label="Your week">
      <CardContent>
        <Typography variant="h6" component="h2">
          Your week
        </Typography>
        <Typography color="text.secondary">
          {totals
            ? `Since ${formatDate(monday)}: ${totals.activities} ${totals.activities === 1 ? 'activity' : 'activities'}, ${totals.hours} hours, ${totals.studentsReached} students reached`
            : 'Loading…'}
        </Typography>
      </CardContent>
    </Card>
  );
}

function RecentActivities() {
  const { data = [], isPending } = useGetList('activities', LATEST_ENTRIES);
  return (
    <Card sx={{ mt: 2 }}>
      <CardContent>
        <Typography variant="h6" component="h2">
          Your latest entries
        </Typography>
        {isPending ? (
          <Typography color="text.secondary">Loading…</Typography>
        ) : data.length === 0 ? (
          <Typography color="text.secondary">Nothing logged yet.</Typography>
        ) : (
          <MuiList dense aria-label="Your latest entries">
            {data.map((activity) => (
              <ListItem key={activity.id} disableGutters>
                <ListItemText
                  primary={`${labelOf(activityCategories, activity.category)} — ${activity.school?.name ?? 'District-wide'}`}
                  secondary={`${formatDate(activity.date)} · ${activity.durationMinutes} min · ${activity.studentsReached} ${activity.studentsReached === 1 ? 'student' : 'students'}`}
                />
              </ListItem>
            ))}
          </MuiList>
        )}
      </CardContent>
    </Card>
  );
}

/** A phone-friendly form for an officer to log what it just did, in a few taps. */
export function QuickLog() {
  const { permissions } = usePermissions<Permissions>();
  const notify = useNotify();
  const [formKey, setFormKey] = useState(0);
  // The school defaults to where the officer is assigned today.
  const { data: current, isPending: assignmentPending } = useGetList(
    'assignments',
    {
      pagination: { page: 1, perPage: 1 },
      sort: { field: 'startDate', order: 'DESC' },
      filter: { officerId: permissions?.officerId, activeOn: today() },
    },
    { enabled: Boolean(permissions?.officerId) },
  );
  if (permissions && permissions.role !== 'OFFICER') {
    return (
      <Box sx={{ p: 2 }}>
        <Title title="Quick log" />
        <Typography>The quick log is for officers logging their own work. Use Activities to log for an officer.</Typography>
      </Box>
    );
  }
  // The form reads its defaults once: wait for the officer's school.
  if (assignmentPending) return <Loading loadingPrimary="Loading the quick log" loadingSecondary="" />;
  return (
    <Box sx={{ maxWidth: 560, mx: 'auto', width: '100%' }}>
      <Create
        resource="activities"
        title="Quick log"
        redirect={false}
        transform={withoutStrayTopic}
        mutationOptions={{
          onSuccess: () => {
            notify('Activity logged', { type: 'success' });
            setFormKey((key) => key + 1);
          },
        }}
      >
        <SimpleForm
          key={formKey}
          defaultValues={{
            date: today(),
            schoolId: current?.[0]?.schoolId ?? null,
            durationMinutes: 30,
            studentsReached: 0,
            staffReached: 0,
          }}
          toolbar={
            <Toolbar>
              <SaveButton label="Log activity" fullWidth size="large" alwaysEnable={false} />
            </Toolbar>
          }
        >
          <KeepUnsavedEdit />
          <RepeatLastEntry />
          <ReferenceInput source="schoolId" reference="schools" sort={{ field: 'name', order: 'ASC' }}>
            <SelectInput label="School" optionText="name" emptyText="District-wide" fullWidth />
          </ReferenceInput>
          <DateInput source="date" label="Date" validate={[required(), withinEditWindow]} fullWidth />
          <SelectInput source="category" label="What did you do?" choices={categoryChoices} validate={required()} fullWidth />
          <Topic />
          <RadioButtonGroupInput source="durationMinutes" label="How long?" choices={durations} parse={Number} validate={required()} row />
          <NumberInput source="studentsReached" label="Students reached" min={0} step={1} validate={minValue(0)} fullWidth />
          <NumberInput source="staffReached" label="Staff reached" min={0} step={1} validate={minValue(0)} fullWidth />
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
        </SimpleForm>
      </Create>
      <MyWeek />
      <RecentActivities />
    </Box>
  );
}
