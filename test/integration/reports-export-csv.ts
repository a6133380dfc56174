// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;
export type Value = string | number | boolean | null | undefined;

/** Parses RFC 4180 text strictly: every record ends with CRLF, quotes only around whole fields, doubled inside. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let position = 0;
  while (position < text.length) {
    let field = '';
    if (text[position] === '"') {
      position += 1;
      for (;;) {
        const quote = text.indexOf('"', position);
        if (quote < 0) throw new Error('unterminated quoted field');
        field += text.slice(position, quote);
        if (text[quote + 1] === '"') {
          field += '"';
          position = quote + 2;
        } else {
          position = quote + 1;
          break;
        }
      }
    } else {
      const end = text.slice(position).search(/,|\r\n/);
      if (end < 0) throw new Error('a record does not end with CRLF');
      field = text.slice(position, position + end);
      if (/["\r\n]/.test(field)) throw new Error(`bare quote or line break in ${JSON.stringify(field)}`);
      position += end;
    }
    record.push(field);
    if (text[position] === ',') position += 1;
    else if (text.startsWith('\r\n', position)) {
      records.push(record);
      record = [];
      position += 2;
    } else throw new Error(`unexpected ${JSON.stringify(text[position])} after a field`);
  }
  return records;
}

/** What a spreadsheet-safe text cell looks like; numbers are left alone. */
const cell = (value: Value): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
};

/** A row as the test expects it: named cells placed under the header, everything else empty. */
export const row = (columns: string[], values: Record<string, Value>) => {
  for (const key of Object.keys(values)) if (!columns.includes(key)) throw new Error(`no column ${key}`);
  return columns.map((column) => cell(values[column]));
};

const figures = (entry: Json) => ({
  activities: entry.activities,
  minutes: entry.minutes,
  hours: entry.hours,
  students_reached: entry.studentsReached,
  staff_reached: entry.staffReached,
  suppressed: String(entry.suppressed),
});

/** The rows the coverage CSV must hold, built from the GraphQL answer. */
export function coverageRows(columns: string[], report: Json): string[][] {
  const { date, summary } = report;
  return [
    row(columns, {
      section: 'summary',
      date,
      schools: summary.schools,
      enrollment: summary.enrollment,
      officers: summary.officers,
      total_fte: summary.totalFte,
      enrollment_per_sro_fte: summary.enrollmentPerSroFte,
      covered: summary.byStatus.covered,
      partial: summary.byStatus.partial,
      uncovered: summary.byStatus.uncovered,
      no_school: summary.byStatus.noSchool,
    }),
    ...summary.byAgency.map((entry: Json) =>
      row(columns, {
        section: 'agency',
        date,
        agency_id: entry.agency.id,
        agency: entry.agency.name,
        schools: entry.schoolsServed,
        officers: entry.officers,
        total_fte: entry.fte,
      }),
    ),
    ...report.schools.flatMap((entry: Json) => {
      const school = {
        section: 'school',
        date,
        school_id: entry.school.id,
        school: entry.school.name,
        level: entry.school.level,
        locale: entry.school.locale,
        enrollment: entry.school.enrollment,
        status: entry.status,
        total_fte: entry.totalFte,
        enrollment_per_sro_fte: entry.enrollmentPerSroFte,
      };
      if (!entry.officers.length) return [row(columns, school)];
      return entry.officers.map((officer: Json) =>
        row(columns, {
          ...school,
          officer_id: officer.officer.id,
          officer_first_name: officer.officer.firstName,
          officer_last_name: officer.officer.lastName,
          rank: officer.officer.rank,
          agency_id: officer.agency.id,
          agency: officer.agency.name,
          role: officer.role,
          fte: officer.fte,
          start_date: officer.startDate,
          end_date: officer.endDate,
          substitute_for_officer_id: officer.substituteFor?.id,
        }),
      );
    }),
    ...report.schools.flatMap((entry: Json) =>
      entry.absent.map((officer: Json) =>
        row(columns, {
          section: 'absent',
          date,
          school_id: entry.school.id,
          school: entry.school.name,
          level: entry.school.level,
          locale: entry.school.locale,
          enrollment: entry.school.enrollment,
          status: entry.status,
          officer_id: officer.officer.id,
          officer_first_name: officer.officer.firstName,
          officer_last_name: officer.officer.lastName,
          rank: officer.officer.rank,
          agency_id: officer.agency.id,
          agency: officer.agency.name,
          role: officer.role,
          fte: officer.fte,
          start_date: officer.startDate,
          end_date: officer.endDate,
          substituted_by_officer_id: officer.substitutedBy?.id,
        }),
      ),
    ),
  ];
}

function periodRows(columns: string[], part: Json, period: 'current' | 'previous'): string[][] {
  const when = { period, from: part.period.from, to: part.period.to };
  return [
    ...part.byCategory.map((entry: Json) => row(columns, { section: 'category', ...when, key: entry.category, ...figures(entry) })),
    ...part.byTopic.map((entry: Json) => row(columns, { section: 'topic', ...when, key: entry.topic, ...figures(entry) })),
    ...part.byAgency.map((entry: Json) =>
      row(columns, { section: 'agency', ...when, key: entry.agency.id, name: entry.agency.name, ...figures(entry) }),
    ),
    ...part.bySchool.map((entry: Json) =>
      row(columns, { section: 'school', ...when, key: entry.school?.id, name: entry.school?.name ?? 'District-wide', ...figures(entry) }),
    ),
    ...part.byOfficer.map((entry: Json) =>
      row(columns, {
        section: 'officer',
        ...when,
        key: entry.officer.id,
        name: `${entry.officer.lastName}, ${entry.officer.firstName}`,
        ...figures(entry),
      }),
    ),
    ...part.series.map((entry: Json) => row(columns, { section: 'series', period, from: entry.from, to: entry.to, ...figures(entry) })),
  ];
}

/** The rows the activity CSV must hold, built from the GraphQL answer. */
export function activityRows(columns: string[], report: Json): string[][] {
  const change = (kind: 'absolute' | 'percent') =>
    row(columns, {
      section: kind === 'absolute' ? 'change' : 'change_percent',
      activities: report.change.activities[kind],
      minutes: report.change.minutes[kind],
      hours: report.change.hours[kind],
      students_reached: report.change.studentsReached[kind],
      staff_reached: report.change.staffReached[kind],
      suppressed: String(report.change.activities.suppressed),
    });
  return [
    row(columns, {
      section: 'totals',
      period: 'current',
      from: report.period.from,
      to: report.period.to,
      name: report.period.label,
      ...figures(report.totals),
    }),
    row(columns, {
      section: 'totals',
      period: 'previous',
      from: report.previous.period.from,
      to: report.previous.period.to,
      name: report.previous.period.label,
      ...figures(report.previous.totals),
    }),
    change('absolute'),
    change('percent'),
    ...periodRows(columns, report, 'current'),
    ...periodRows(columns, report.previous, 'previous'),
  ];
}

/** The rows the staffing CSV must hold, built from the GraphQL answer. */
export function staffingRows(columns: string[], report: Json): string[][] {
  const { date } = report;
  const counts = (entry: Json) => ({
    active_officers: entry.activeOfficers,
    assigned_officers: entry.assignedOfficers,
    unassigned_officers: entry.unassignedOfficers,
    total_fte: entry.totalFte,
    schools_served: entry.schoolsServed,
    assignments_ending: entry.assignmentsEnding,
  });
  const officer = (entry: Json) => ({
    agency_id: entry.agency.id,
    agency: entry.agency.name,
    officer_id: entry.id,
    officer_first_name: entry.firstName,
    officer_last_name: entry.lastName,
    rank: entry.rank,
  });
  return [
    ...report.agencies.map((entry: Json) =>
      row(columns, { section: 'agency', date, agency_id: entry.agency.id, agency: entry.agency.name, ...counts(entry) }),
    ),
    row(columns, { section: 'totals', date, ...counts(report.totals) }),
    ...report.unassignedOfficers.map((entry: Json) => row(columns, { section: 'unassigned_officer', date, ...officer(entry) })),
    ...report.endingAssignments.map((entry: Json) =>
      row(columns, {
        section: 'ending_assignment',
        date,
        ...officer(entry.officer),
        assignment_id: entry.id,
        school_id: entry.school.id,
        school: entry.school.name,
        role: entry.role,
        fte: entry.fte,
        start_date: entry.startDate,
        end_date: entry.endDate,
      }),
    ),
  ];
}
