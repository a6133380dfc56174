import { MaxLength } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';

/** Sign-in's arguments. An e-mail no account can have is refused here, before the throttling keys are written. */
@ArgsType()
export class LoginArgs {
  @Field({ description: 'Sign-in e-mail address.' })
  @MaxLength(254, { message: 'email must be at most 254 characters (no account has a longer one)' })
  email!: string;

  @Field({ description: 'Password.' })
  password!: string;
}
