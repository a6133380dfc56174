import { Role } from '../../server/src/common/actor';
import { OfficerRank } from '../../server/src/modules/officer/officer.entity';
import { TestApp } from '../support/app';
import { Factory } from '../support/factories';

/**
 * The cost-share invoice (costShareReport) against hand figures and an independent SQL computation: June 2042,
 * school year to Thursday June 19, a district-wide closure on June 5, a three-day SICK absence (excluded by the
 * terms), 75% school year / 0% summer, hourly rates by rank, a rate change on the 15th.
 */
describe('cost-share invoice', () => {
  let app: TestApp;
  let admin: string;
  let chief: string;
  let otherChief: string;
  let officerToken: string;
  let agencyId: number;
  let officerId: number;
  let sergeantId: number;

  const sql = (text: string, parameters: unknown[] = []) => app.orm.em.fork().getConnection().execute(text, parameters);

  beforeAll(async () => {
    app = await TestApp.start();
    const factory = new Factory(app.orm);
    admin = (await factory.user(Role.ADMIN)).token;
    const agency = await factory.agency();
    agencyId = agency.id;
    chief = (await factory.user(Role.AGENCY_CHIEF, { agency })).token;
    otherChief = (await factory.user(Role.AGENCY_CHIEF, { agency: await factory.agency() })).token;
    const school = await factory.school();
    const officer = await factory.officer(agency, { rank: OfficerRank.OFFICER });
    const sergeant = await factory.officer(agency, { rank: OfficerRank.SERGEANT });
    officerToken = (await factory.user(Role.OFFICER, { officer, agency })).token;
    officerId = officer.id;
    sergeantId = sergeant.id;
    await factory.assignment(officer, school, { fte: 1, startDate: '2042-01-01', endDate: null });
    await factory.assignment(sergeant, await factory.school(), { fte: 0.5, startDate: '2042-01-01', endDate: null });
    // The database outlives a run: the calendar rows of an earlier run go first.
    await sql(`delete from school_year where name = 'Agreements test 2041-42'`);
    await sql(`delete from school_closure where reason = 'Agreements test storm'`);
    await sql(`insert into school_year (name, first_day, last_day) values ('Agreements test 2041-42', '2041-08-18', '2042-06-19')`);
    await sql(
      `insert into school_closure (start_date, end_date, school_id, reason) values ('2042-06-05', '2042-06-05', null, 'Agreements test storm')`,
    );
    await sql(`insert into officer_absence (officer_id, start_date, end_date, reason) values (?, '2042-06-09', '2042-06-11', 'SICK')`, [
      officer.id,
    ]);
    const mou = await app.query(
      `mutation($input: CreateMouInput!) { createMou(input: $input) { id } }`,
      {
        input: {
          agencyId: String(agency.id),
          title: 'SRO agreement',
          effectiveDate: '2041-07-01',
          expiryDate: '2043-06-30',
          status: 'IN_FORCE',
        },
      },
      admin,
    );
    const term = (effectiveFrom: string, officerRate: string, sergeantRate: string) =>
      app.query(
        `mutation($input: CreateMouCostTermInput!) { createMouCostTerm(input: $input) { id } }`,
        {
          input: {
            mouId: mou.createMou.id,
            effectiveFrom,
            basis: 'HOURLY',
            instructionalSharePercent: '75',
            nonInstructionalSharePercent: '0',
            excludedAbsenceReasons: ['SICK'],
            hourlyRates: [
              { rank: 'OFFICER', hourlyRate: officerRate },
              { rank: 'SERGEANT', hourlyRate: sergeantRate },
            ],
          },
        },
        admin,
      );
    await term('2041-07-01', '61.68', '72.08');
    await term('2042-06-15', '63.33', '74.00');
  });
  afterAll(() => app.stop());

  const report = (token: string, id = agencyId) =>
    app.graphql(
      `query($id: ID!) { costShareReport(agencyId: $id, from: "2042-06-01", to: "2042-06-30") {
        lines { officerId month firstDay lastDay instructionalDays nonInstructionalDays hours rate gross districtShare agencyShare }
        totals { hours gross districtShare agencyShare } } }`,
      { id: String(id) },
      token,
    );

  it('gives the hand figures, a rate change on the 15th splitting the month', async () => {
    const answer = await report(admin);
    expect(answer.errors).toBeUndefined();
    const lines = answer.data!.costShareReport.lines.map((line: Record<string, string>) => [
      Number(line.officerId) === officerId ? 'officer' : 'sergeant',
      line.firstDay,
      Number(line.instructionalDays),
      Number(line.nonInstructionalDays),
      line.rate,
      line.gross,
      line.districtShare,
      line.agencyShare,
    ]);
    expect(lines).toEqual(
      expect.arrayContaining([
        // June 2-13: 6 instructional days (closure on the 5th, absence 9-11), 1 non-instructional (the closure).
        ['officer', '2042-06-02', 6, 1, '61.68', '3454.08', '2220.48', '1233.60'],
        ['sergeant', '2042-06-02', 4.5, 0.5, '72.08', '2883.20', '1946.16', '937.04'],
        // June 16-30: 4 instructional days to the 19th, 7 of summer at 0%.
        ['officer', '2042-06-16', 4, 7, '63.33', '5573.04', '1519.92', '4053.12'],
        ['sergeant', '2042-06-16', 2, 3.5, '74.00', '3256.00', '888.00', '2368.00'],
      ]),
    );
    expect(lines).toHaveLength(4);
    expect(answer.data!.costShareReport.totals).toEqual({
      hours: '228.0000',
      gross: '15166.32',
      districtShare: '6574.56',
      agencyShare: '8591.76',
    });
  });

  it('matches an independent SQL computation, day by day, to the cent', async () => {
    // Day by day with the rates and shares written out, summed per officer and half-month, rounded once per line.
    const [expected] = await sql(
      `with day as (
         select d::date as day from generate_series('2042-06-01'::date, '2042-06-30'::date, interval '1 day') d where extract(isodow from d) < 6),
       billed as (
         select o.id, o.rank, a.fte, day.day,
                (day.day <= '2042-06-19' and day.day <> '2042-06-05') as school,
                case when day.day < '2042-06-15' then case o.rank when 'OFFICER' then 61.68 else 72.08 end
                     else case o.rank when 'OFFICER' then 63.33 else 74.00 end end as rate
           from day, officer o join assignment a on a.officer_id = o.id
          where o.id in (?, ?) and not (o.id = ? and day.day between '2042-06-09' and '2042-06-11')),
       line as (
         select id, day < '2042-06-15' as first_half,
                round(sum(fte * 8 * rate), 2) as gross,
                round(sum(fte * 8 * rate * case when school then 0.75 else 0 end), 2) as district
           from billed group by id, day < '2042-06-15')
       select sum(gross)::text as gross, sum(district)::text as district, sum(gross - district)::text as agency from line`,
      [officerId, sergeantId, officerId],
    );
    const { totals } = (await report(admin)).data!.costShareReport;
    expect(totals).toMatchObject({ gross: expected.gross, districtShare: expected.district, agencyShare: expected.agency });
  });

  it('a chief reads its own agency; another agency chief gets null; an officer is FORBIDDEN', async () => {
    expect((await report(chief)).data!.costShareReport.totals.gross).toBe('15166.32');
    const other = await report(otherChief);
    expect(other.errors).toBeUndefined();
    expect(other.data!.costShareReport).toBeNull();
    expect((await report(officerToken)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
  it('downloads the invoice as CSV with the same figures and totals', async () => {
    const csv = (token: string, id = agencyId) =>
      fetch(`${app.url}/files/cost-share.csv?agencyId=${id}&from=2042-06-01&to=2042-06-30`, {
        headers: { authorization: `Bearer ${token}` },
      });
    const answer = await csv(chief);
    expect(answer.status).toBe(200);
    const rows = (await answer.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(rows[0]).toBe(
      'officerId,officerName,rank,month,firstDay,lastDay,instructionalDays,nonInstructionalDays,hours,rate,gross,districtShare,agencyShare',
    );
    expect(rows).toHaveLength(6);
    expect(rows[5]).toBe('TOTAL,,,,,,,,228.0000,,15166.32,6574.56,8591.76');
    expect((await csv(otherChief)).status).toBe(404);
    expect((await csv(officerToken)).status).toBe(403);
  });
});
