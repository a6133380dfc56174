import { defaultDarkTheme, defaultLightTheme, type RaThemeOptions } from 'react-admin';

// A deep, calm blue for a public-safety program (the app bar uses `secondary`); the dark theme lightens it for contrast.
export const lightTheme: RaThemeOptions = {
  ...defaultLightTheme,
  palette: { ...defaultLightTheme.palette, mode: 'light', primary: { main: '#1d4f7a' }, secondary: { main: '#1d4f7a' } },
  sidebar: { width: 220, closedWidth: 55 },
};

export const darkTheme: RaThemeOptions = {
  ...defaultDarkTheme,
  palette: { ...defaultDarkTheme.palette, mode: 'dark', primary: { main: '#8cc4f2' }, secondary: { main: '#8cc4f2' } },
  sidebar: { width: 220, closedWidth: 55 },
};
