import ArrowDropDown from '@mui/icons-material/ArrowDropDown';
import Download from '@mui/icons-material/Download';
import { Button, ButtonGroup, Menu, MenuItem, Stack } from '@mui/material';
import { useState } from 'react';

export interface Download {
  label: string;
  href: string;
  /** One table per part of the report (`?part=`), for BI tools: label and part name. */
  parts?: { label: string; part: string }[];
}

/** The link to one part: the whole report's link with `part` added. */
export function partUrl(href: string, part: string): string {
  return `${href}${href.includes('?') ? '&' : '?'}part=${encodeURIComponent(part)}`;
}

/** CSV downloads: plain links, so the browser streams the file with the session cookie; a menu per report for its parts. */
export function DownloadLinks({ downloads }: { downloads: Download[] }) {
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {downloads.map((download) => (
        <DownloadButton key={download.href} download={download} />
      ))}
    </Stack>
  );
}

function DownloadButton({ download }: { download: Download }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const link = (
    <Button href={download.href} download variant="outlined" size="small" startIcon={<Download />}>
      {download.label}
    </Button>
  );
  if (!download.parts?.length) return link;
  const menuId = `parts-${download.label.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <>
      <ButtonGroup variant="outlined" size="small">
        {link}
        <Button
          aria-label={`${download.label}: one table per part`}
          aria-haspopup="menu"
          aria-controls={anchor ? menuId : undefined}
          aria-expanded={anchor ? 'true' : undefined}
          onClick={(event) => setAnchor(event.currentTarget)}
        >
          <ArrowDropDown />
        </Button>
      </ButtonGroup>
      <Menu id={menuId} anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        {download.parts.map(({ label, part }) => (
          <MenuItem key={part} component="a" href={partUrl(download.href, part)} download onClick={() => setAnchor(null)}>
            {label}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
