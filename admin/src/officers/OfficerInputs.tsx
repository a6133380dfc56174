import { Grid } from '@mui/material';
import {
  AutocompleteInput,
  DateInput,
  email,
  maxLength,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
  usePermissions,
} from 'react-admin';
import type { Permissions } from '../auth/permissions';
import { officerRanks, officerStatuses } from '../choices';

/** The officer form's inputs, shared by create and edit. A chief keeps its officers in its own agency. */
export function OfficerInputs() {
  const { permissions } = usePermissions<Permissions>();
  const isAdmin = permissions?.role === 'ADMIN';
  return (
    <Grid container columnSpacing={2} sx={{ maxWidth: 900 }}>
      <Grid size={{ xs: 12, sm: 6 }}>
        <TextInput source="firstName" label="First name" validate={[required(), maxLength(100)]} fullWidth />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <TextInput source="lastName" label="Last name" validate={[required(), maxLength(100)]} fullWidth />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <ReferenceInput source="agencyId" reference="agencies" sort={{ field: 'name', order: 'ASC' }} filter={{ active: true }}>
          <AutocompleteInput
            label="Agency"
            optionText="name"
            validate={required()}
            disabled={!isAdmin}
            helperText={isAdmin ? false : 'Officers stay in your agency'}
            defaultValue={isAdmin ? undefined : permissions?.agencyId}
            fullWidth
          />
        </ReferenceInput>
      </Grid>
      <Grid size={{ xs: 6, sm: 3 }}>
        <TextInput source="badgeNumber" label="Badge number" validate={[required(), maxLength(20)]} fullWidth />
      </Grid>
      <Grid size={{ xs: 6, sm: 3 }}>
        <SelectInput source="rank" label="Rank" choices={officerRanks} validate={required()} fullWidth />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <TextInput source="email" label="Work e-mail" type="email" validate={email()} fullWidth />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <TextInput source="phone" label="Work phone" type="tel" fullWidth />
      </Grid>
      <Grid size={{ xs: 12, sm: 4 }}>
        <SelectInput source="status" label="Status" choices={officerStatuses} defaultValue="ACTIVE" validate={required()} fullWidth />
      </Grid>
      <Grid size={{ xs: 6, sm: 4 }}>
        <DateInput source="sroSince" label="SRO since" fullWidth />
      </Grid>
      <Grid size={{ xs: 6, sm: 4 }}>
        <DateInput source="sroTrainingCompletedOn" label="SRO basic training completed" fullWidth />
      </Grid>
      <Grid size={12}>
        <TextInput source="notes" label="Notes" multiline minRows={2} fullWidth />
      </Grid>
    </Grid>
  );
}
