import Download from '@mui/icons-material/Download';
import { Button, Stack } from '@mui/material';

export interface Download {
  label: string;
  href: string;
}

/** CSV downloads: plain links, so the browser streams the file with the session cookie. */
export function DownloadLinks({ downloads }: { downloads: Download[] }) {
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {downloads.map((download) => (
        <Button key={download.href} href={download.href} download variant="outlined" size="small" startIcon={<Download />}>
          {download.label}
        </Button>
      ))}
    </Stack>
  );
}
