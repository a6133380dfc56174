import { Grid } from '@mui/material';
import { BooleanInput, maxLength, minValue, NumberInput, regex, required, SelectInput, TextInput } from 'react-admin';
import { schoolLevels, schoolLocales } from '../choices';

/** The school form's inputs, shared by create and edit. */
export function SchoolInputs() {
  return (
    <Grid container columnSpacing={2} sx={{ maxWidth: 900 }}>
      <Grid size={{ xs: 12, sm: 8 }}>
        <TextInput source="name" label="Name" validate={[required(), maxLength(200)]} fullWidth />
      </Grid>
      <Grid size={{ xs: 12, sm: 4 }}>
        <TextInput source="ncesId" label="NCES id" validate={regex(/^\d{12}$/, 'NCES id must be 12 digits')} fullWidth />
      </Grid>
      <Grid size={{ xs: 6, sm: 4 }}>
        <SelectInput source="level" label="Level" choices={schoolLevels} validate={required()} fullWidth />
      </Grid>
      <Grid size={{ xs: 6, sm: 4 }}>
        <SelectInput source="locale" label="Locale" choices={schoolLocales} validate={required()} fullWidth />
      </Grid>
      <Grid size={{ xs: 12, sm: 4 }}>
        <NumberInput source="enrollment" label="Enrollment" validate={[required(), minValue(0)]} min={0} step={1} fullWidth />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <TextInput source="principalName" label="Principal" fullWidth />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <TextInput source="phone" label="Phone" type="tel" fullWidth />
      </Grid>
      <Grid size={12}>
        <TextInput source="address" label="Address" multiline fullWidth />
      </Grid>
      <Grid size={12}>
        <BooleanInput source="active" label="Open (inactive schools get no new assignments)" defaultValue />
      </Grid>
    </Grid>
  );
}
