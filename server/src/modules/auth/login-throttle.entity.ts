import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Failed sign-ins per account and per client address, kept in PostgreSQL so that every server instance
 * shares them. Rows are keyed `account:<email>` or `address:<ip>`.
 */
@Entity()
export class LoginThrottle {
  @PrimaryKey({ type: 'text' })
  key!: string;

  @Property({ type: 'integer' })
  failures: number = 0;

  @Property({ type: 'timestamptz' })
  windowStartedAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  lockedUntil?: Date | null;
}
