import { AppBar as RaAppBar, TitlePortal, UserMenu, useGetIdentity } from 'react-admin';

/**
 * The app bar: the page title is the page's h1 (every page then has one), and the user menu's button is named by
 * the text it shows (the user's name), as speech input expects.
 */
export function AppBar() {
  const { identity } = useGetIdentity();
  return (
    <RaAppBar userMenu={<UserMenu label={identity?.fullName ?? 'Profile'} />}>
      <TitlePortal component="h1" />
    </RaAppBar>
  );
}
