// Reads a CSV file in the browser with papaparse and profiles it; only the profile leaves the page.
import Papa from 'papaparse';
import { csvProfile, type CsvProfile } from './csv-profile';

export interface CsvParsed {
  profile: CsvProfile;
  /** Rows papaparse flagged (wrong field count, bad quotes), as one sentence; null when clean. */
  warning: string | null;
}

export function csvParseFile(file: File): Promise<CsvParsed> {
  return new Promise((resolve, reject) => {
    Papa.parse<Record<string, unknown>>(file, {
      header: true,
      dynamicTyping: true,
      skipEmptyLines: true,
      // The profile needs every row in memory anyway, and a worker would have to copy them back.
      worker: false,
      complete: (results) => {
        const fields = results.meta.fields ?? [];
        if (fields.length === 0 || results.data.length === 0) {
          reject(new Error('The file has no rows below its header line'));
          return;
        }
        const profile = csvProfile(fields, results.data);
        if (profile.columns.length === 0) {
          reject(new Error('Every column in the file is empty'));
          return;
        }
        const [first] = results.errors;
        const warning = first
          ? `${results.errors.length.toLocaleString('en')} row${results.errors.length === 1 ? '' : 's'} did not parse cleanly (first: ${first.message}${first.row !== undefined ? ` in row ${first.row + 1}` : ''}); the rest were used.`
          : null;
        resolve({ profile, warning });
      },
      error: (error) => reject(new Error(`Could not read the file: ${error.message}`)),
    });
  });
}
