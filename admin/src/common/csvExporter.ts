import { downloadCSV, type Exporter } from 'react-admin';
import { toCsv, type CsvColumn } from './csv';

/** A react-admin exporter that writes the given columns (readable names, not the API's nested objects). */
export function csvExporter<RecordType>(fileName: string, columns: CsvColumn<RecordType>[]): Exporter {
  return (records) => downloadCSV(toCsv(records as RecordType[], columns), fileName);
}
