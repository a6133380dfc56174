import type { ReactNode } from 'react';
import { Layout as RaLayout } from 'react-admin';
import { AppBar } from './AppBar';
import { SignOutWhenSessionEnds } from './auth/SignOutWhenSessionEnds';
import { ConnectionBanner } from './common/ConnectionBanner';
import { Menu } from './Menu';

export function Layout({ children }: { children: ReactNode }) {
  return (
    <RaLayout menu={Menu} appBar={AppBar}>
      <SignOutWhenSessionEnds />
      <ConnectionBanner />
      {children}
    </RaLayout>
  );
}
