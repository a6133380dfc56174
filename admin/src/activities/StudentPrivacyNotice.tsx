import PrivacyTip from '@mui/icons-material/PrivacyTip';
import { Alert } from '@mui/material';

/** Shown right next to every notes field of an activity: the log counts students, it never names them. */
export function StudentPrivacyNotice() {
  return (
    <Alert severity="warning" icon={<PrivacyTip fontSize="inherit" />} id="student-privacy-notice" sx={{ mb: 1 }}>
      <strong>Never name or identify a student.</strong> Record counts and what was done — no names, initials, descriptions or incident
      details that point to a student.
    </Alert>
  );
}
