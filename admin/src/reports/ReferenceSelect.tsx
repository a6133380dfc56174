import { MenuItem, TextField } from '@mui/material';
import { useGetList } from 'react-admin';

/** A plain select of records (agencies, schools) for report filters, with "All" first. */
export function ReferenceSelect({
  resource,
  label,
  value,
  onChange,
  optionText = (record) => String(record.name),
}: {
  resource: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  optionText?: (record: Record<string, unknown>) => string;
}) {
  const { data = [] } = useGetList(resource, { pagination: { page: 1, perPage: 200 }, sort: { field: 'name', order: 'ASC' } });
  return (
    <TextField
      fullWidth={false}
      select
      label={label}
      size="small"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      sx={{ minWidth: 200 }}
    >
      <MenuItem value="">All</MenuItem>
      {data.map((record) => (
        <MenuItem key={record.id} value={String(record.id)}>
          {optionText(record)}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** A plain select of enum choices, with "All" first. */
export function ChoiceSelect({
  label,
  value,
  onChange,
  choices,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  choices: { id: string; name: string }[];
}) {
  return (
    <TextField
      fullWidth={false}
      select
      label={label}
      size="small"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      sx={{ minWidth: 160 }}
    >
      <MenuItem value="">All</MenuItem>
      {choices.map((choice) => (
        <MenuItem key={choice.id} value={choice.id}>
          {choice.name}
        </MenuItem>
      ))}
    </TextField>
  );
}
