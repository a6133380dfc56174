import { Entity, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { BaseEntity } from '../../common/base.entity';
import { User } from '../user/user.entity';

/** A signed-in browser or script. The token itself is never stored: only its SHA-256 hash. */
@Entity()
export class Session extends BaseEntity<'lastUsedAt'> {
  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade', index: 'session_user_index' })
  user!: Ref<User>;

  @Property({ length: 64, unique: 'session_token_hash_unique' })
  tokenHash!: string;

  @Property({ type: 'timestamptz' })
  lastUsedAt: Date = new Date();

  /** The session ends at this time whatever its use. */
  @Property({ type: 'timestamptz' })
  @Index({ name: 'session_expires_index' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;
}
