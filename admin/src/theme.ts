import { defaultDarkTheme, defaultLightTheme, type RaThemeOptions } from 'react-admin';

type CheckboxState = { 'aria-label'?: string };

const components = {
  // react-admin draws the empty-list message in the disabled text colour, under the 4.5:1 minimum: use the page's.
  RaEmpty: { styleOverrides: { root: { '& .RaEmpty-message': { color: 'inherit' } } } },
  // react-admin names a row's checkbox with `aria-label`, which MUI puts on the wrapping span (where ARIA forbids
  // it) and not on the input: move it to the input, where screen readers look.
  MuiCheckbox: {
    defaultProps: {
      slotProps: {
        root: { 'aria-label': undefined },
        input: (state: CheckboxState) => (state['aria-label'] ? { 'aria-label': state['aria-label'] } : {}),
      },
    },
  },
};

// A deep, calm blue for a public-safety program (the app bar uses `secondary`); the dark theme lightens it for contrast.
// Status colours are chosen for 4.5:1 (WCAG AA) as chip fills and as text on the page; `contrastThreshold: 4.5`
// makes MUI pick each chip's text colour by the same minimum (its default, 3, let orange chips fall to 3.1:1).
export const lightTheme: RaThemeOptions = {
  ...defaultLightTheme,
  palette: {
    ...defaultLightTheme.palette,
    mode: 'light',
    contrastThreshold: 4.5,
    primary: { main: '#1d4f7a' },
    secondary: { main: '#1d4f7a' },
    error: { main: '#b71c1c' },
    warning: { main: '#a15c00' },
    success: { main: '#2e7d32' },
  },
  components: { ...defaultLightTheme.components, ...components },
  sidebar: { width: 220, closedWidth: 55 },
};

export const darkTheme: RaThemeOptions = {
  ...defaultDarkTheme,
  palette: {
    ...defaultDarkTheme.palette,
    mode: 'dark',
    contrastThreshold: 4.5,
    primary: { main: '#8cc4f2' },
    secondary: { main: '#8cc4f2' },
    error: { main: '#ffa59b' },
    warning: { main: '#ffa726' },
    success: { main: '#66bb6a' },
  },
  components: { ...defaultDarkTheme.components, ...components },
  sidebar: { width: 220, closedWidth: 55 },
};
