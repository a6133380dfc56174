import { useEffect, type ReactNode } from 'react';
import { Layout as RaLayout } from 'react-admin';
import { AppBar } from './AppBar';
import { SignOutWhenSessionEnds } from './auth/SignOutWhenSessionEnds';
import { ConnectionBanner } from './common/ConnectionBanner';
import { preloadPages } from './common/lazyPages';
import { Menu } from './Menu';

export function Layout({ children }: { children: ReactNode }) {
  // Signed in: fetch the other pages' code in the background (not the explorer's: it is large and rarely used).
  useEffect(preloadPages, []);
  return (
    <RaLayout menu={Menu} appBar={AppBar}>
      <SignOutWhenSessionEnds />
      <ConnectionBanner />
      {children}
    </RaLayout>
  );
}
