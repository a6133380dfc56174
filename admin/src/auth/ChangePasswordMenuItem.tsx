import LockResetIcon from '@mui/icons-material/LockReset';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import { forwardRef } from 'react';
import { useUserMenu } from 'react-admin';
import { Link } from 'react-router-dom';

/** The user menu's entry to the change-password page (auth/ChangePasswordPage.tsx, loaded on first use). */
export const ChangePasswordMenuItem = forwardRef<HTMLAnchorElement>(function ChangePasswordMenuItem(props, ref) {
  const userMenu = useUserMenu();
  return (
    <MenuItem component={Link} to="/change-password" ref={ref} onClick={() => userMenu?.onClose()} {...props}>
      <ListItemIcon>
        <LockResetIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>Change password</ListItemText>
    </MenuItem>
  );
});
