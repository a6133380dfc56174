import { BooleanInput, email, maxLength, regex, required, SelectInput, TextInput } from 'react-admin';
import { agencyKinds } from '../choices';

/** The agency form's inputs, shared by create and edit. */
export function AgencyInputs() {
  return (
    <>
      <TextInput source="name" label="Name" validate={[required(), maxLength(200)]} fullWidth />
      <SelectInput source="kind" label="Kind" choices={agencyKinds} validate={required()} />
      <TextInput
        source="ori"
        label="ORI"
        helperText="FBI Originating Agency Identifier: 9 characters, state code first (such as CO0010000)"
        validate={regex(/^[A-Z]{2}[A-Z0-9]{7}$/, 'ORI must be 9 capital letters or digits, starting with a two-letter state code')}
        parse={(value: string) => value.toUpperCase()}
      />
      <TextInput source="chiefName" label="Chief or sheriff" />
      <TextInput source="phone" label="Phone" type="tel" />
      <TextInput source="email" label="E-mail" type="email" validate={email()} />
      <TextInput source="address" label="Address" multiline fullWidth />
      <BooleanInput source="active" label="Takes part in the program" defaultValue />
    </>
  );
}
