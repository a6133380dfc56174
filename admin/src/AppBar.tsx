import { AppBar as RaAppBar, Logout, TitlePortal, UserMenu, useGetIdentity } from 'react-admin';
import { ChangePasswordMenuItem } from './auth/ChangePasswordMenuItem';

/**
 * The app bar: the page title is the page's h1 (every page then has one), and the user menu's button is named by
 * the text it shows (the user's name), as speech input expects; it offers a change of one's own password.
 */
export function AppBar() {
  const { identity } = useGetIdentity();
  return (
    <RaAppBar
      userMenu={
        <UserMenu label={identity?.fullName ?? 'Profile'}>
          <ChangePasswordMenuItem />
          <Logout />
        </UserMenu>
      }
    >
      <TitlePortal component="h1" />
    </RaAppBar>
  );
}
