import { Grid, Typography } from '@mui/material';
import { AutocompleteInput, DateInput, RadioButtonGroupInput, ReferenceInput, required, TextInput, type Validator } from 'react-admin';
import { absenceReasons, officerLabel } from '../choices';

const searchByName = (text: string) => ({ q: text });

/** The last day, when given, is on or after the first (the server says the same, and more). */
const notBeforeStart: Validator = (value, values) =>
  value && values.startDate && value < values.startDate ? 'The last day cannot be before the first day' : undefined;

/** Not the absent officer itself. */
const notTheOfficer: Validator = (value, values) =>
  value && value === values.officerId ? 'Name another officer: an officer cannot substitute for itself' : undefined;

/** The absence form's inputs, shared by create and edit: who is away, when, why, and who covers. */
export function OfficerAbsenceInputs() {
  return (
    <Grid container columnSpacing={2} sx={{ maxWidth: 900 }}>
      <Grid size={{ xs: 12, md: 6 }}>
        <ReferenceInput source="officerId" reference="officers" sort={{ field: 'lastName', order: 'ASC' }} perPage={100}>
          <AutocompleteInput label="Officer away" optionText={officerLabel} filterToQuery={searchByName} validate={required()} fullWidth />
        </ReferenceInput>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <ReferenceInput
          source="substituteOfficerId"
          reference="officers"
          sort={{ field: 'lastName', order: 'ASC' }}
          filter={{ status: 'ACTIVE' }}
          perPage={100}
        >
          <AutocompleteInput
            label="Substitute"
            optionText={officerLabel}
            filterToQuery={searchByName}
            validate={notTheOfficer}
            helperText="Optional: covers the officer's schools in the same roles"
            fullWidth
          />
        </ReferenceInput>
      </Grid>
      <Grid size={{ xs: 6, md: 4 }}>
        <DateInput source="startDate" label="First day away" validate={required()} fullWidth />
      </Grid>
      <Grid size={{ xs: 6, md: 4 }}>
        <DateInput source="endDate" label="Last day away" helperText="Leave empty while not known" validate={notBeforeStart} fullWidth />
      </Grid>
      <Grid size={12}>
        <RadioButtonGroupInput source="reason" label="Reason" choices={absenceReasons} defaultValue="LEAVE" validate={required()} />
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: -1, mb: 2 }}>
          An absent officer covers nothing on those days. A substitute must be active, present, and stay within 1.00 FTE.
        </Typography>
      </Grid>
      <Grid size={12}>
        <TextInput source="notes" label="Notes" helperText="No student information" multiline fullWidth />
      </Grid>
    </Grid>
  );
}
