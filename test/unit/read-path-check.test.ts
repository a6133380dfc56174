import { Embeddable, Embedded, Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { MikroORM } from '@mikro-orm/postgresql';
import { buildSchema, Field, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { checkReadPath } from '../../server/src/db/read-path';

// Entities that break each rule the fast read path relies on; the start must refuse them, naming the field.
@ObjectType()
@Embeddable()
class Address {
  @Field()
  @Property()
  street!: string;
}

@ObjectType()
@Entity()
class Team {
  @Field(() => ID)
  @PrimaryKey()
  id!: number;

  @Field()
  @Property()
  name!: string;
}

@ObjectType()
@Entity()
class Player {
  @Field(() => ID)
  @PrimaryKey()
  id!: number;

  @Field()
  @Property()
  firstName!: string;

  @Field()
  @Property()
  lastName!: string;

  /** Computed from two columns: when only it is selected, the fast path reads neither. */
  @Field()
  get fullName(): string {
    return `${this.firstName} ${this.lastName}`;
  }

  @Field({ name: 'nickname' })
  @Property()
  alias!: string;

  @Field(() => Address)
  @Embedded(() => Address)
  address!: Address;

  @Field(() => Team)
  @ManyToOne(() => Team)
  team!: Team;

  @Field(() => Team)
  @ManyToOne(() => Team)
  formerTeam!: Team;
}

@Resolver(() => Player)
class PlayerResolver {
  @Query(() => [Player])
  players(): Player[] {
    return [];
  }

  @FieldResolver(() => Team)
  formerTeam(@Root() player: Player): Team {
    return player.formerTeam;
  }
}

describe('the start refuses fields the fast read path would answer wrong', () => {
  it('names each computed, renamed, embedded and unresolved relation field, and accepts the rest', async () => {
    await buildSchema({ resolvers: [PlayerResolver], authChecker: () => true });
    const orm = await MikroORM.init({ entities: [Team, Player, Address], dbName: 'never_connected', connect: false });
    try {
      let message = '';
      try {
        checkReadPath(orm.em.fork());
      } catch (error) {
        message = (error as Error).message;
      }
      const named = message
        .split('\n')
        .filter((line) => line.startsWith('- '))
        .map((line) => line.slice(2).split(' ')[0]);
      expect(named.sort()).toEqual(['Player.address', 'Player.fullName', 'Player.nickname', 'Player.team']);
      expect(message).toMatch(/Player\.fullName is computed/);
      expect(message).toMatch(/Player\.nickname renames the property alias/);
      expect(message).toMatch(/Player\.address is an embedded property/);
      expect(message).toMatch(/Player\.team is a to-one relation/);
    } finally {
      await orm.close();
    }
  });
});
