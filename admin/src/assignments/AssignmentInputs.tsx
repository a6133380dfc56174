import { Grid, Typography } from '@mui/material';
import {
  AutocompleteInput,
  DateInput,
  maxValue,
  minValue,
  NumberInput,
  RadioButtonGroupInput,
  ReferenceInput,
  required,
  TextInput,
} from 'react-admin';
import { assignmentRoles, officerLabel } from '../choices';
import { RuleCheck } from './RuleCheck';

const searchByName = (text: string) => ({ q: text });

/** The assignment form's inputs, shared by create and edit: who, where, in which role, when, how much. */
export function AssignmentInputs({ isNew }: { isNew: boolean }) {
  return (
    <Grid container columnSpacing={2} sx={{ maxWidth: 900 }}>
      <Grid size={{ xs: 12, md: 6 }}>
        <ReferenceInput
          source="officerId"
          reference="officers"
          sort={{ field: 'lastName', order: 'ASC' }}
          filter={isNew ? { status: 'ACTIVE' } : {}}
          perPage={100}
        >
          <AutocompleteInput
            label="Officer"
            optionText={officerLabel}
            filterToQuery={searchByName}
            validate={required()}
            helperText={isNew ? 'Active officers; shows rank and agency' : false}
            fullWidth
          />
        </ReferenceInput>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <ReferenceInput
          source="schoolId"
          reference="schools"
          sort={{ field: 'name', order: 'ASC' }}
          filter={isNew ? { active: true } : {}}
          perPage={100}
        >
          <AutocompleteInput label="School" optionText="name" filterToQuery={searchByName} validate={required()} fullWidth />
        </ReferenceInput>
      </Grid>
      <Grid size={12}>
        <RadioButtonGroupInput source="role" label="Role" choices={assignmentRoles} defaultValue="PRIMARY" validate={required()} />
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: -1, mb: 2 }}>
          A school is covered while it has a PRIMARY officer; an officer has at most one PRIMARY assignment on any day.
        </Typography>
      </Grid>
      <Grid size={{ xs: 6, md: 4 }}>
        <DateInput source="startDate" label="First day" validate={required()} fullWidth />
      </Grid>
      <Grid size={{ xs: 6, md: 4 }}>
        <DateInput source="endDate" label="Last day" helperText="Leave empty for open-ended" fullWidth />
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <NumberInput
          source="fte"
          label="FTE share"
          helperText="Share of full time: 0.01 to 1.00"
          min={0.01}
          max={1}
          step={0.01}
          defaultValue={1}
          validate={[required(), minValue(0.01), maxValue(1)]}
          fullWidth
        />
      </Grid>
      <Grid size={12}>
        <RuleCheck />
      </Grid>
      <Grid size={12}>
        <TextInput source="notes" label="Notes" multiline fullWidth />
      </Grid>
    </Grid>
  );
}
