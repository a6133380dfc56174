import { FunctionField } from 'react-admin';
import { formatDate, formatDateTime } from './dates';

interface DateFieldProps {
  source: string;
  label?: string;
  /** What to show when the record has no value, such as "open-ended" or "never". */
  emptyText?: string;
}

type Values = Record<string, string | null | undefined>;

/** A calendar date (YYYY-MM-DD) written the district's one way (common/dates.ts), instead of react-admin's DateField. */
export function DayField({ source, label, emptyText = '' }: DateFieldProps) {
  return <FunctionField<Values> source={source} label={label} render={(record) => formatDate(record[source]) || emptyText} />;
}

/** An instant (date and time) written the district's one way (common/dates.ts). */
export function InstantField({ source, label, emptyText = '' }: DateFieldProps) {
  return <FunctionField<Values> source={source} label={label} render={(record) => formatDateTime(record[source]) || emptyText} />;
}
