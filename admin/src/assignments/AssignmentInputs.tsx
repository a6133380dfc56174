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
  useRecordContext,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { assignmentRoles, officerLabel } from '../choices';
import { RuleCheck } from './RuleCheck';
import { freeFteText, useFreeFte } from './useFreeFte';

type OfficerChoice = Parameters<typeof officerLabel>[0] & { id: string };

const searchByName = (text: string) => ({ q: text });

/** The assignment form's inputs, shared by create and edit: who, where, in which role, when, how much. */
export function AssignmentInputs({ isNew }: { isNew: boolean }) {
  const record = useRecordContext();
  const [startDate, endDate] = useWatch({ name: ['startDate', 'endDate'] }) as [string | undefined, string | null | undefined];
  const freeFte = useFreeFte(startDate, endDate, record?.id);
  // Once dates are chosen, each officer with what is left of a full time on them: "… — 0.40 FTE free".
  const officerText = (officer: OfficerChoice) =>
    freeFte ? `${officerLabel(officer)} · ${freeFteText(freeFte.get(String(officer.id)) ?? 1)}` : officerLabel(officer);
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
            optionText={officerText}
            filterToQuery={searchByName}
            validate={required()}
            helperText={isNew ? 'Active officers, with rank, agency and free FTE on the dates below' : 'Free FTE on the dates below'}
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
