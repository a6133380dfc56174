import { Role } from '../../server/src/common/actor';
import type { Agency } from '../../server/src/modules/agency/agency.entity';
import { TestApp } from '../support/app';
import { Factory } from '../support/factories';

/** Agreements (MOUs): who may read and write them, the renewal window, and the signed PDF stored in the database. */
describe('agreements', () => {
  let app: TestApp;
  let factory: Factory;
  let admin: string;
  let agency: Agency;
  let chief: string;
  let otherChief: string;
  let analyst: string;
  let officer: string;

  beforeAll(async () => {
    app = await TestApp.start();
    factory = new Factory(app.orm);
    admin = (await factory.user(Role.ADMIN)).token;
    agency = await factory.agency();
    chief = (await factory.user(Role.AGENCY_CHIEF, { agency })).token;
    otherChief = (await factory.user(Role.AGENCY_CHIEF, { agency: await factory.agency() })).token;
    analyst = (await factory.user(Role.ANALYST)).token;
    const person = await factory.officer(agency);
    officer = (await factory.user(Role.OFFICER, { officer: person, agency })).token;
  });
  afterAll(() => app.stop());

  const fields =
    'id version title status effectiveDate expiryDate toRenew agency { id } signatories { name title signedOn } elements { element addressed location } positions { rank count } document { size url }';
  const create = (input: Record<string, unknown>, token = admin) =>
    app.graphql(`mutation($input: CreateMouInput!) { createMou(input: $input) { ${fields} } }`, { input }, token);
  const read = (id: string, token: string) => app.graphql(`query($id: ID!) { mou(id: $id) { ${fields} } }`, { id }, token);
  const base = () => ({
    agencyId: String(agency.id),
    title: 'School Resource Officer Agreement',
    effectiveDate: '2026-07-01',
    expiryDate: '2027-06-30',
  });

  const upload = (id: string, body: Buffer, token?: string) =>
    fetch(`${app.url}/files/mou/${id}.pdf`, { method: 'PUT', headers: token ? { authorization: `Bearer ${token}` } : {}, body });
  const download = (id: string, token?: string) =>
    fetch(`${app.url}/files/mou/${id}.pdf`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  /** A small PDF with every byte value in it (binary data must survive the round trip). */
  const pdf = () =>
    Buffer.concat([
      Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'),
      Buffer.from(Array.from({ length: 4096 }, (_, index) => index % 256)),
      Buffer.from('\ntrailer\n<<>>\n%%EOF\n'),
    ]);

  it('creates an MOU with its signatories, COPS checklist and positions, and reads it back', async () => {
    const created = await create({
      ...base(),
      status: 'IN_FORCE',
      signatories: [{ name: 'Ada Reyes', title: 'Superintendent', signedOn: '2026-06-20' }],
      elements: [
        { element: 'NO_SCHOOL_DISCIPLINE', addressed: true, location: 'Section 3.1' },
        { element: 'INFORMATION_SHARING_AND_FERPA', addressed: false },
      ],
      positions: [
        { rank: 'OFFICER', count: 3 },
        { rank: 'SERGEANT', count: 1 },
      ],
    });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createMou).toMatchObject({
      status: 'IN_FORCE',
      agency: { id: String(agency.id) },
      signatories: [{ name: 'Ada Reyes', title: 'Superintendent', signedOn: '2026-06-20' }],
      elements: [
        { element: 'NO_SCHOOL_DISCIPLINE', addressed: true, location: 'Section 3.1' },
        { element: 'INFORMATION_SHARING_AND_FERPA', addressed: false, location: null },
      ],
      positions: [
        { rank: 'OFFICER', count: 3 },
        { rank: 'SERGEANT', count: 1 },
      ],
      document: null,
    });
  });

  it('refuses bad input with BAD_USER_INPUT, and PostgreSQL holds the dates too', async () => {
    const backwards = await create({ ...base(), effectiveDate: '2027-01-01', expiryDate: '2026-01-01' });
    expect(backwards.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const twice = await create({
      ...base(),
      elements: [
        { element: 'SIGNATURES', addressed: true },
        { element: 'SIGNATURES', addressed: false },
      ],
    });
    expect(twice.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    await expect(
      app.orm.em
        .fork()
        .getConnection()
        .execute(`insert into mou (agency_id, title, effective_date, expiry_date) values (?, 'x', '2027-01-01', '2026-01-01')`, [
          agency.id,
        ]),
    ).rejects.toThrow(/mou_expiry_after_effective/);
  });

  it('lists as toRenew the MOUs IN_FORCE expiring within MOU_RENEWAL_DAYS (120) of today', async () => {
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const soon = await create({ ...base(), title: 'Soon', status: 'IN_FORCE', effectiveDate: day(-300), expiryDate: day(100) });
    const later = await create({ ...base(), title: 'Later', status: 'IN_FORCE', effectiveDate: day(-300), expiryDate: day(140) });
    const draft = await create({ ...base(), title: 'Draft', status: 'DRAFT', effectiveDate: day(-300), expiryDate: day(100) });
    expect([soon, later, draft].map((answer) => answer.data!.createMou.toRenew)).toEqual([true, false, false]);
    const listed = await app.query(`{ mous(filter: { toRenew: true }, perPage: 500) { items { id } } }`, {}, admin);
    const ids = listed.mous.items.map((item: { id: string }) => item.id);
    expect(ids).toContain(soon.data!.createMou.id);
    expect(ids).not.toContain(later.data!.createMou.id);
    expect(ids).not.toContain(draft.data!.createMou.id);
  });

  it('stores the signed PDF and gives it back byte for byte to those who may read it', async () => {
    const id = (await create(base())).data!.createMou.id as string;
    const bytes = pdf();
    const put = await upload(id, bytes, admin);
    expect(put.status).toBe(200);
    for (const token of [admin, chief]) {
      const answer = await download(id, token);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('application/pdf');
      expect(Buffer.from(await answer.arrayBuffer()).equals(bytes)).toBe(true);
    }
    expect((await read(id, chief)).data!.mou.document).toEqual({ size: bytes.length, url: `/files/mou/${id}.pdf` });
    // Analysts read the figures, not the PDF; another agency's chief and officers nothing.
    expect((await read(id, analyst)).data!.mou).toMatchObject({ id, document: null });
    expect((await download(id, analyst)).status).toBe(403);
    expect((await download(id, otherChief)).status).toBe(404);
    expect((await download(id, officer)).status).toBe(403);
    expect((await download(id)).status).toBe(401);
  });

  it('refuses a file that is not a PDF with BAD_USER_INPUT, and keeps the one it had', async () => {
    const id = (await create(base())).data!.createMou.id as string;
    expect((await upload(id, pdf(), chief)).status).toBe(200);
    const cases = [Buffer.from('PK\x03\x04 a zip file'), Buffer.from('%PDF-1.7 but cut short'), Buffer.alloc(0)];
    for (const body of cases) {
      const answer = await upload(id, body, admin);
      expect(answer.status).toBe(400);
      expect(((await answer.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
    const tooLarge = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(10 * 1024 * 1024), Buffer.from('%%EOF')]);
    const large = await upload(id, tooLarge, admin);
    expect(large.status).toBe(400);
    expect(((await large.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(Buffer.from(await (await download(id, admin)).arrayBuffer()).equals(pdf())).toBe(true);
    // PostgreSQL refuses a non-PDF too.
    await expect(
      app.orm.em
        .fork()
        .getConnection()
        .execute(`update mou_document set content = '\\x00'::bytea where mou_id = ?`, [Number(id)]),
    ).rejects.toThrow(/mou_document_is_pdf/);
  });

  it('role x operation: ADMIN all; a chief its own agency; an analyst reads; an officer nothing; another chief gets null', async () => {
    const own = (await create(base())).data!.createMou;
    const mine = await create({ ...base(), title: 'By the chief' }, chief);
    expect(mine.errors).toBeUndefined();
    const otherAgency = await factory.agency();
    const foreign = await create({ ...base(), agencyId: String(otherAgency.id) }, chief);
    expect(foreign.errors?.[0].extensions?.code).toMatch(/FORBIDDEN|BAD_USER_INPUT/);
    expect((await read(own.id, otherChief)).data!.mou).toBeNull();
    expect((await read(own.id, chief)).data!.mou.id).toBe(own.id);
    expect((await read(own.id, analyst)).data!.mou.id).toBe(own.id);
    expect((await read(own.id, officer)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await app.graphql(`{ mous { totalCount } }`, {}, officer)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const update = (token: string, version: number) =>
      app.graphql(
        `mutation($id: ID!, $input: UpdateMouInput!) { updateMou(id: $id, input: $input) { version } }`,
        { id: own.id, input: { version, title: 'Renamed' } },
        token,
      );
    expect((await update(analyst, own.version)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await update(otherChief, own.version)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await update(chief, own.version)).data!.updateMou.version).toBe(own.version + 1);
    const remove = (token: string) => app.graphql(`mutation($id: ID!) { deleteMou(id: $id) { id } }`, { id: own.id }, token);
    expect((await remove(otherChief)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await remove(admin)).errors).toBeUndefined();
  });
  it('keeps dated cost terms in exact decimals; a chief its own agency, another chief null, an officer nothing', async () => {
    const mou = (await create(base())).data!.createMou;
    const term = (input: Record<string, unknown>, token = admin) =>
      app.graphql(
        `mutation($input: CreateMouCostTermInput!) { createMouCostTerm(input: $input) { id basis hoursPerDay instructionalSharePercent nonInstructionalSharePercent hourlyRates { rank hourlyRate } excludedAbsenceReasons } }`,
        { input: { mouId: mou.id, basis: 'HOURLY', instructionalSharePercent: '75', nonInstructionalSharePercent: '0', ...input } },
        token,
      );
    const created = await term(
      { effectiveFrom: '2026-07-01', hourlyRates: [{ rank: 'OFFICER', hourlyRate: '61.68' }], excludedAbsenceReasons: ['SICK'] },
      chief,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data!.createMouCostTerm).toMatchObject({
      hoursPerDay: '8',
      instructionalSharePercent: '75',
      hourlyRates: [{ rank: 'OFFICER', hourlyRate: '61.68' }],
      excludedAbsenceReasons: ['SICK'],
    });
    expect((await term({ effectiveFrom: '2026-07-01' })).errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(
      (await term({ effectiveFrom: '2026-08-01', hourlyRates: [{ rank: 'OFFICER', hourlyRate: '61.685' }] })).errors?.[0].extensions?.code,
    ).toBe('BAD_USER_INPUT');
    expect((await term({ effectiveFrom: '2026-08-01', instructionalSharePercent: '101' })).errors?.[0].extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    expect((await term({ effectiveFrom: '2026-08-01', basis: 'ANNUAL_PER_OFFICER' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await term({ effectiveFrom: '2026-09-01' }, otherChief)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const id = created.data!.createMouCostTerm.id;
    const one = (token: string) => app.graphql(`query($id: ID!) { mouCostTerm(id: $id) { id } }`, { id }, token);
    expect((await one(otherChief)).data!.mouCostTerm).toBeNull();
    expect((await one(analyst)).data!.mouCostTerm).toEqual({ id });
    expect((await one(officer)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
