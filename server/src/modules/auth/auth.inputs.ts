import { MaxLength } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';

/** The longest e-mail an account can have (user.inputs.ts). */
export const MAX_EMAIL_LENGTH = 254;

/** Sign-in's arguments. An e-mail no account can have is refused here, before the throttling keys are written. */
@ArgsType()
export class LoginArgs {
  @Field({ description: 'Sign-in e-mail address.' })
  @MaxLength(MAX_EMAIL_LENGTH, { message: `email must be at most ${MAX_EMAIL_LENGTH} characters (no account has a longer one)` })
  email!: string;

  @Field({ description: 'Password.' })
  password!: string;
}
