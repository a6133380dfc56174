import { registerEnumType } from 'type-graphql';

export enum Role {
  ADMIN = 'ADMIN',
  AGENCY_CHIEF = 'AGENCY_CHIEF',
  ANALYST = 'ANALYST',
  OFFICER = 'OFFICER',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'What a user may do (SPEC.md, "Who uses it").',
  valuesConfig: {
    ADMIN: { description: 'District administrator: everything.' },
    AGENCY_CHIEF: { description: "Chief or sheriff (or delegate) of one agency: its own officers in full, the district's coverage." },
    ANALYST: { description: "Read-only access to everything except officers' personal contact fields, and all reports." },
    OFFICER: { description: 'An SRO: its own assignments, schools and activity log.' },
  },
});

/** Who is making a request: the signed-in user, reduced to what authorization needs. */
export interface Actor {
  userId: number;
  role: Role;
  /** The chief's agency, or the officer's agency. */
  agencyId: number | null;
  /** The officer record of an OFFICER user. */
  officerId: number | null;
  /** The user's e-mail, for the audit trail. */
  label: string;
  /** True when the request came with an API token rather than a signed-in session. */
  viaApiToken?: boolean;
}
