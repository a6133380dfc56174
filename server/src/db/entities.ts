import { AuditEvent } from '../common/audit-event.entity';
import { Activity } from '../modules/activity/activity.entity';
import { Agency } from '../modules/agency/agency.entity';
import { Assignment } from '../modules/assignment/assignment.entity';
import { ApiToken } from '../modules/auth/api-token.entity';
import { LoginThrottle } from '../modules/auth/login-throttle.entity';
import { Session } from '../modules/auth/session.entity';
import { Officer } from '../modules/officer/officer.entity';
import { School } from '../modules/school/school.entity';
import { TipOfficer } from '../modules/tip/tip-officer.entity';
import { TipStep } from '../modules/tip/tip-step.entity';
import { Tip } from '../modules/tip/tip.entity';
import { User } from '../modules/user/user.entity';

/** Every entity the ORM maps; migrations are generated from these. */
export const entities = [
  Agency,
  Officer,
  School,
  Assignment,
  Activity,
  User,
  AuditEvent,
  Session,
  ApiToken,
  LoginThrottle,
  Tip,
  TipOfficer,
  TipStep,
];
