/**
 * What the bench asks, and how each server under test asks it. Every scenario gives, per kind of server that
 * runs it (sro = SRO Hub, floor = one hand-written SQL statement, postgraphile), the HTTP requests to cycle
 * through, and `same`: the part of an answer that must be equal across servers (ids in order and totals).
 */
const FIGURES = 'activities hours minutes studentsReached staffReached';
const gql = (query, variables) => ({ path: '/graphql', body: JSON.stringify({ query, variables }) });
const post = (path, input) => ({ path, body: JSON.stringify(input) });
const pages = (make) => Array.from({ length: 20 }, (_, index) => make(index + 1));

export function scenarios({ today, coverageDate, quarter, officerSchoolId }) {
  return [
    {
      name: 'list',
      title: 'console list: 25 ACTIVE officers by last name, with agency and total (pages 1-20)',
      user: 'admin',
      connections: 10,
      sro: pages((page) =>
        gql(
          `query OfficerPage($page: Int!) { officers(page: $page, perPage: 25, filter: { status: ACTIVE }, sort: { field: LAST_NAME, order: ASC }) {
             totalCount items { id firstName lastName badgeNumber rank status email phone agency { id name } } } }`,
          { page },
        ),
      ),
      // The same question at another page size: the number of statements must not change with it.
      sized: (perPage) =>
        gql(
          `query OfficerPage($perPage: Int!) { officers(perPage: $perPage, filter: { status: ACTIVE }, sort: { field: LAST_NAME, order: ASC }) {
             totalCount items { id firstName lastName agency { id name } } } }`,
          { perPage },
        ),
      floor: pages((page) => post('/officers', { page })),
      postgraphile: pages((page) =>
        gql(
          `query OfficerPage($offset: Int!) { allOfficers(first: 25, offset: $offset, condition: { status: "ACTIVE" }, orderBy: [LAST_NAME_ASC, ROW_ID_ASC]) {
             totalCount nodes { rowId firstName lastName badgeNumber rank status email phone agencyByAgencyId { rowId name } } } }`,
          { offset: (page - 1) * 25 },
        ),
      ),
      same: {
        sro: ({ data }) => [data.officers.totalCount, data.officers.items.map((o) => `${o.id}/${o.agency.id}`)],
        floor: ({ data }) => [data.officers.totalCount, data.officers.items.map((o) => `${o.id}/${o.agency.id}`)],
        postgraphile: ({ data }) => [
          data.allOfficers.totalCount,
          data.allOfficers.nodes.map((o) => `${o.rowId}/${o.agencyByAgencyId.rowId}`),
        ],
      },
    },
    {
      name: 'nested',
      title: '100 schools -> assignments active today -> officer -> agency',
      user: 'admin',
      connections: 10,
      sro: [
        gql(
          `query Schools($day: Date!) { schools(perPage: 100, sort: { field: NAME, order: ASC }) { totalCount items {
             id name assignmentsOn(date: $day) { id role fte officer { id firstName lastName rank agency { id name } } } } } }`,
          { day: today },
        ),
      ],
      sized: (perPage) =>
        gql(
          `query Schools($day: Date!, $perPage: Int!) { schools(perPage: $perPage, sort: { field: NAME, order: ASC }) { totalCount items {
             id name assignmentsOn(date: $day) { id officer { id agency { id name } } } } } }`,
          { day: today, perPage },
        ),
      floor: [post('/schools', { day: today })],
      postgraphile: [
        gql(
          `query Schools($day: Date!) { allSchools(first: 100, orderBy: [NAME_ASC, ROW_ID_ASC]) { totalCount nodes {
             rowId name assignmentsActiveOn(day: $day) { nodes { rowId role fte officerByOfficerId { rowId firstName lastName rank agencyByAgencyId { rowId name } } } } } } }`,
          { day: today },
        ),
      ],
      same: {
        sro: ({ data }) => [
          data.schools.totalCount,
          data.schools.items.map((s) => `${s.id}:${s.assignmentsOn.map((a) => `${a.id}/${a.officer.id}/${a.officer.agency.id}`)}`),
        ],
        floor: ({ data }) => [
          data.schools.totalCount,
          data.schools.items.map((s) => `${s.id}:${s.assignmentsOn.map((a) => `${a.id}/${a.officer.id}/${a.officer.agency.id}`)}`),
        ],
        postgraphile: ({ data }) => [
          data.allSchools.totalCount,
          data.allSchools.nodes.map(
            (s) =>
              `${s.rowId}:${s.assignmentsActiveOn.nodes.map((a) => `${a.rowId}/${a.officerByOfficerId.rowId}/${a.officerByOfficerId.agencyByAgencyId.rowId}`)}`,
          ),
        ],
      },
    },
    {
      name: 'coverage',
      title: `coverage report statewide on ${coverageDate} (every active school, its officers, summary by agency)`,
      user: 'analyst',
      connections: 1,
      report: true,
      sro: [
        gql(
          `query Coverage($date: Date!) { coverageReport(date: $date) {
             summary { schools enrollment byStatus { covered partial uncovered } officers totalFte enrollmentPerSroFte byAgency { agency { id name } schoolsServed officers fte } }
             schools { school { id name level locale enrollment } status totalFte enrollmentPerSroFte officers { assignmentId role fte startDate endDate officer { id firstName lastName rank } agency { id name } } } } }`,
          { date: coverageDate },
        ),
      ],
    },
    {
      name: 'activity',
      title: `program activity report statewide, program year ${quarter.programYear} Q${quarter.quarter}, with the previous period`,
      user: 'analyst',
      connections: 1,
      report: true,
      sro: [
        gql(
          `query Program($year: Int!, $quarter: Int!) { activityReport(programYear: $year, quarter: $quarter, interval: MONTH) {
             period { from to label } totals { ${FIGURES} } byCategory { category ${FIGURES} } byTopic { topic ${FIGURES} }
             byAgency { agency { id name } ${FIGURES} } bySchool { school { id name } ${FIGURES} } byOfficer { officer { id lastName } ${FIGURES} }
             series { from to ${FIGURES} } change { activities { absolute percent } studentsReached { absolute percent } }
             previous { period { from to } totals { ${FIGURES} } } } }`,
          { year: quarter.programYear, quarter: quarter.quarter },
        ),
      ],
    },
    {
      name: 'login',
      title: 'login (argon2id verify, session, audit event), the four bench accounts in turn',
      connections: 10,
      sro: ['admin', 'chief', 'analyst', 'officer'].map((user) =>
        gql(
          `mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token user { id role } } }`,
          {
            email: `${user}@bench.example`,
            password: 'bench-password-2026',
          },
        ),
      ),
    },
    {
      name: 'create',
      title: 'an officer logs an activity today (policy, row security, audit event in the same transaction)',
      user: 'officer',
      connections: 10,
      write: true,
      sro: [
        gql(`mutation Log($input: CreateActivityInput!) { createActivity(input: $input) { id date category durationMinutes } }`, {
          input: {
            schoolId: String(officerSchoolId),
            date: today,
            category: 'MENTORING',
            durationMinutes: 30,
            studentsReached: 4,
            staffReached: 1,
          },
        }),
      ],
    },
  ];
}
