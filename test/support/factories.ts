import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Role } from '../../server/src/common/actor';
import { Activity, ActivityCategory } from '../../server/src/modules/activity/activity.entity';
import { Agency, AgencyKind } from '../../server/src/modules/agency/agency.entity';
import { Assignment, AssignmentRole } from '../../server/src/modules/assignment/assignment.entity';
import { Session } from '../../server/src/modules/auth/session.entity';
import { hashToken, newToken } from '../../server/src/modules/auth/tokens';
import { Officer, OfficerRank } from '../../server/src/modules/officer/officer.entity';
import { School, SchoolLevel, SchoolLocale } from '../../server/src/modules/school/school.entity';
import { User } from '../../server/src/modules/user/user.entity';

let sequence = 0;
/** A name no other test uses, so that test files share one database without clashing. */
export const unique = (label: string) => `${label} ${process.pid}-${Date.now().toString(36)}-${++sequence}`;

/** Builds records straight through the ORM; each call flushes, so ids are ready. */
export class Factory {
  constructor(private readonly orm: MikroORM) {}

  private get em(): EntityManager {
    return this.orm.em.fork();
  }

  private async save<T extends object>(em: EntityManager, row: T): Promise<T> {
    await em.persistAndFlush(row);
    return row;
  }

  agency(values: Partial<Agency> = {}): Promise<Agency> {
    const em = this.em;
    return this.save(em, em.create(Agency, { name: unique('Agency'), kind: AgencyKind.MUNICIPAL_POLICE, ...values }));
  }

  officer(agency: Agency, values: Partial<Officer> = {}): Promise<Officer> {
    const em = this.em;
    return this.save(
      em,
      em.create(Officer, {
        agency: agency.id,
        firstName: 'Pat',
        lastName: unique('Officer'),
        badgeNumber: unique('B'),
        rank: OfficerRank.OFFICER,
        email: 'pat@example.org',
        phone: '555-0100',
        sroSince: '2020-08-01',
        ...values,
      } as never),
    );
  }

  school(values: Partial<School> = {}): Promise<School> {
    const em = this.em;
    return this.save(
      em,
      em.create(School, { name: unique('School'), level: SchoolLevel.HIGH, locale: SchoolLocale.CITY, enrollment: 1000, ...values }),
    );
  }

  assignment(officer: Officer, school: School, values: Partial<Omit<Assignment, 'officer' | 'school'>> = {}): Promise<Assignment> {
    const em = this.em;
    return this.save(
      em,
      em.create(Assignment, {
        officer: officer.id,
        school: school.id,
        role: AssignmentRole.PRIMARY,
        startDate: '2026-08-01',
        fte: 1,
        ...values,
      } as never),
    );
  }

  activity(officer: Officer, school: School | null, values: Partial<Omit<Activity, 'officer' | 'school'>> = {}): Promise<Activity> {
    const em = this.em;
    return this.save(
      em,
      em.create(Activity, {
        officer: officer.id,
        school: school?.id ?? null,
        date: '2026-09-15',
        category: ActivityCategory.MENTORING,
        durationMinutes: 30,
        ...values,
      } as never),
    );
  }

  /** A user with a session; returns the bearer token to act as it. */
  async user(role: Role, links: { agency?: Agency; officer?: Officer } = {}): Promise<{ user: User; token: string }> {
    const em = this.em;
    const user = em.create(User, {
      email: `${unique('user').replace(/\s/g, '.')}@example.org`,
      displayName: unique(role),
      role,
      agency: links.agency?.id ?? (links.officer ? (links.officer.agency.id as number) : null),
      officer: links.officer?.id ?? null,
      // Not a real hash: these users sign in with the session below, never with a password.
      passwordHash: 'test-user-without-password',
    } as never);
    await em.persistAndFlush(user);
    const token = newToken('srs');
    em.create(Session, { user: user.id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + 3_600_000) } as never);
    await em.flush();
    return { user, token };
  }
}
