import { useWatch } from 'react-hook-form';
import {
  AutocompleteInput,
  BooleanInput,
  email,
  minLength,
  PasswordInput,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
} from 'react-admin';
import { officerLabel, roles } from '../choices';

const searchByName = (text: string) => ({ q: text });

/** A chief is bound to an agency, an officer user to its officer record. */
function RoleBinding() {
  const role = useWatch({ name: 'role' });
  if (role === 'AGENCY_CHIEF') {
    return (
      <ReferenceInput source="agencyId" reference="agencies" sort={{ field: 'name', order: 'ASC' }}>
        <SelectInput label="Agency" optionText="name" validate={required()} />
      </ReferenceInput>
    );
  }
  if (role === 'OFFICER') {
    return (
      <ReferenceInput source="officerId" reference="officers" sort={{ field: 'lastName', order: 'ASC' }} perPage={100}>
        <AutocompleteInput
          label="Officer record"
          optionText={officerLabel}
          filterToQuery={searchByName}
          validate={required()}
          sx={{ minWidth: 360 }}
        />
      </ReferenceInput>
    );
  }
  return null;
}

/** The account form's inputs, shared by create and edit; on edit a typed password is a reset. */
export function UserInputs({ isNew }: { isNew: boolean }) {
  return (
    <>
      <TextInput source="email" label="E-mail" type="email" validate={[required(), email()]} sx={{ minWidth: 360 }} />
      <TextInput source="displayName" label="Display name" validate={required()} sx={{ minWidth: 360 }} />
      <SelectInput source="role" label="Role" choices={roles} validate={required()} />
      <RoleBinding />
      <PasswordInput
        source="password"
        label={isNew ? 'Initial password' : 'New password (leave empty to keep the current one)'}
        validate={isNew ? [required(), minLength(12)] : minLength(12)}
        helperText="At least 12 characters"
        autoComplete="new-password"
        sx={{ minWidth: 360 }}
      />
      <BooleanInput source="active" label="Can sign in" defaultValue />
    </>
  );
}
