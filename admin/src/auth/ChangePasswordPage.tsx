import { minLength, PasswordInput, required, SaveButton, SimpleForm, Title, Toolbar, useNotify, useRedirect } from 'react-admin';
import { Card } from '@mui/material';
import { ApiError, graphqlRequest } from '../graphql/client';

const CHANGE_PASSWORD = `mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
}`;

interface PasswordValues {
  currentPassword?: string;
  newPassword?: string;
  repeatPassword?: string;
}

// The server's rule (passwords.ts): 12 characters or more.
const MIN_LENGTH = 12;

const sameAsNew = (value: string, values: PasswordValues) =>
  value === values.newPassword ? undefined : 'Type the same new password twice';

/** The signed-in user's own password: the current one, the new one twice. The server ends the user's other sessions. */
export function ChangePasswordPage() {
  const notify = useNotify();
  const redirect = useRedirect();
  // An object of field errors (the server's BAD_USER_INPUT fields) is shown under the fields; nothing else is kept.
  const save = async (values: PasswordValues) => {
    try {
      await graphqlRequest(CHANGE_PASSWORD, { currentPassword: values.currentPassword, newPassword: values.newPassword });
    } catch (error) {
      if (error instanceof ApiError && error.extensions.fields) {
        return Object.fromEntries(Object.entries(error.extensions.fields).map(([field, messages]) => [field, messages.join(' ')]));
      }
      notify(error instanceof Error ? error.message : 'The password was not changed', { type: 'error' });
      return undefined;
    }
    notify('Password changed: your other sessions have ended', { type: 'success' });
    redirect('/');
    return undefined;
  };
  return (
    <Card sx={{ mt: 2, maxWidth: 520 }}>
      <Title title="Change your password" />
      <SimpleForm
        onSubmit={save}
        toolbar={
          <Toolbar>
            <SaveButton label="Change password" alwaysEnable />
          </Toolbar>
        }
      >
        <PasswordInput source="currentPassword" label="Current password" validate={required()} fullWidth />
        <PasswordInput
          source="newPassword"
          label="New password"
          helperText={`${MIN_LENGTH} characters or more`}
          validate={[required(), minLength(MIN_LENGTH)]}
          fullWidth
        />
        <PasswordInput source="repeatPassword" label="New password again" validate={[required(), sameAsNew]} fullWidth />
      </SimpleForm>
    </Card>
  );
}
