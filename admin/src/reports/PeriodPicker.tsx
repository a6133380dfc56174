import { MenuItem, Stack, TextField } from '@mui/material';
import { PRESETS, programYearName, recentProgramYears, type PeriodChoice } from './period';

const selectValue = (period: PeriodChoice) => (period.kind === 'preset' ? period.preset : period.kind);

/** Program-year quarter presets, a chosen program year or quarter, or custom dates. */
export function PeriodPicker({ value, onChange }: { value: PeriodChoice; onChange: (period: PeriodChoice) => void }) {
  const change = (choice: string) => {
    if (choice === 'quarter') onChange({ kind: 'quarter', programYear: recentProgramYears()[1], quarter: 1 });
    else if (choice === 'custom') onChange({ kind: 'custom', from: '', to: '' });
    else onChange({ kind: 'preset', preset: choice });
  };
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
      <TextField
        fullWidth={false}
        select
        label="Period"
        size="small"
        value={selectValue(value)}
        onChange={(event) => change(event.target.value)}
        sx={{ minWidth: 200 }}
      >
        {PRESETS.map((preset) => (
          <MenuItem key={preset.id} value={preset.id}>
            {preset.name}
          </MenuItem>
        ))}
        <MenuItem value="quarter">A program year or quarter…</MenuItem>
        <MenuItem value="custom">Custom dates…</MenuItem>
      </TextField>
      {value.kind === 'quarter' && (
        <>
          <TextField
            fullWidth={false}
            select
            label="Program year"
            size="small"
            value={value.programYear}
            onChange={(event) => onChange({ ...value, programYear: Number(event.target.value) })}
            sx={{ minWidth: 140 }}
          >
            {recentProgramYears().map((year) => (
              <MenuItem key={year} value={year}>
                {programYearName(year)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            fullWidth={false}
            select
            label="Quarter"
            size="small"
            value={value.quarter ?? 0}
            onChange={(event) => onChange({ ...value, quarter: Number(event.target.value) || null })}
            sx={{ minWidth: 130 }}
          >
            <MenuItem value={0}>Whole year</MenuItem>
            {[1, 2, 3, 4].map((quarter) => (
              <MenuItem key={quarter} value={quarter}>
                Q{quarter}
              </MenuItem>
            ))}
          </TextField>
        </>
      )}
      {value.kind === 'custom' && (
        <>
          <TextField
            fullWidth={false}
            type="date"
            label="From"
            size="small"
            value={value.from}
            onChange={(event) => onChange({ ...value, from: event.target.value })}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            fullWidth={false}
            type="date"
            label="To"
            size="small"
            value={value.to}
            onChange={(event) => onChange({ ...value, to: event.target.value })}
            slotProps={{ inputLabel: { shrink: true } }}
          />
        </>
      )}
    </Stack>
  );
}
