/** The tabs the explorer opens with: one example per report, then a list query. */
export const exampleTabs = [
  {
    query: `# Coverage today: which schools have an SRO, by whom.
# Also as CSV: /export/coverage.csv?date=2026-09-14&level=HIGH
query CoverageToday {
  coverageReport {
    date
    summary { schools byStatus { covered partial uncovered noSchool } totalFte enrollmentPerSroFte }
    schools {
      school { name level enrollment }
      status
      officers { role fte officer { firstName lastName rank } agency { name } }
    }
  }
}
`,
  },
  {
    query: `# Program activity this quarter, with the previous quarter and the change.
# Also as CSV: /export/activity.csv?preset=CURRENT_QUARTER&interval=WEEK
query ActivityThisQuarter {
  activityReport(preset: CURRENT_QUARTER, interval: WEEK) {
    period { label from to }
    totals { activities hours studentsReached staffReached }
    change { hours { absolute percent } studentsReached { absolute percent } }
    byTopic { topic activities studentsReached }
    byAgency { agency { name } hours studentsReached }
    series { from hours }
  }
}
`,
  },
  {
    query: `# Social-media lessons in one program-year quarter (Q1 starts on the first day of the program year).
query SocialMediaLessons($programYear: Int!, $quarter: Int) {
  activityReport(programYear: $programYear, quarter: $quarter, interval: MONTH, filter: { category: CLASSROOM_INSTRUCTION, topic: SOCIAL_MEDIA }) {
    period { label }
    totals { activities studentsReached }
    byAgency { agency { name } activities studentsReached }
  }
}
`,
    variables: '{ "programYear": 2026, "quarter": 1 }',
  },
  {
    query: `# Staffing: officers and FTE per agency, who is unassigned, what ends in the next 30 days.
# Also as CSV: /export/staffing.csv?endingWithinDays=30
query Staffing {
  staffingReport(filter: { endingWithinDays: 30 }) {
    date endingBy
    agencies { agency { name } activeOfficers assignedOfficers totalFte schoolsServed }
    unassignedOfficers { firstName lastName rank agency { name } }
    endingAssignments { endDate role officer { lastName } school { name } }
  }
}
`,
  },
  {
    query: `# Any list: filter, sort, page, perPage; items and totalCount.
query UncoveredNextMonday($date: Date!) {
  schools(filter: { active: true }, sort: { field: NAME, order: ASC }, perPage: 100) {
    totalCount
    items { name level coverageStatus(date: $date) }
  }
}
`,
    variables: '{ "date": "2026-09-14" }',
  },
];
