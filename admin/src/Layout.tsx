import type { ReactNode } from 'react';
import { Layout as RaLayout } from 'react-admin';
import { SignOutWhenSessionEnds } from './auth/SignOutWhenSessionEnds';
import { ConnectionBanner } from './common/ConnectionBanner';
import { Menu } from './Menu';

export function Layout({ children }: { children: ReactNode }) {
  return (
    <RaLayout menu={Menu}>
      <SignOutWhenSessionEnds />
      <ConnectionBanner />
      {children}
    </RaLayout>
  );
}
