import { useEffect } from 'react';
import { useLogout } from 'react-admin';
import { onSessionEnded } from './session';

/** Goes to the login page when the API says the session ended; react-admin returns here after the next sign-in. */
export function SignOutWhenSessionEnds() {
  const logout = useLogout();
  useEffect(() => onSessionEnded(() => void logout()), [logout]);
  return null;
}
