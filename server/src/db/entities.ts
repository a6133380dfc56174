import { AuditEvent } from '../common/audit-event.entity';
import { Activity } from '../modules/activity/activity.entity';
import { Mou } from '../modules/agreement/mou.entity';
import { MouCostTerm } from '../modules/agreement/mou-cost-term.entity';
import { MouPdf } from '../modules/agreement/mou-pdf.entity';
import { Agency } from '../modules/agency/agency.entity';
import { Assignment } from '../modules/assignment/assignment.entity';
import { ApiToken } from '../modules/auth/api-token.entity';
import { LoginThrottle } from '../modules/auth/login-throttle.entity';
import { Session } from '../modules/auth/session.entity';
import { Officer } from '../modules/officer/officer.entity';
import { OfficerAgencyPeriod } from '../modules/officer/officer-agency-period.entity';
import { OfficerAbsence } from '../modules/officer-absence/officer-absence.entity';
import { ChecklistItem, ChecklistTemplate } from '../modules/safety-audit/checklist.entity';
import { CorrectiveAction } from '../modules/safety-audit/corrective-action.entity';
import { SafetyAudit, SafetyAuditFinding, SafetyAuditOfficer } from '../modules/safety-audit/safety-audit.entity';
import { School } from '../modules/school/school.entity';
import { TrainingCourse } from '../modules/training/training-course.entity';
import { TrainingRecord } from '../modules/training/training-record.entity';
import { TrainingRequirement } from '../modules/training/training-requirement.entity';
import { SchoolClosure } from '../modules/calendar/school-closure.entity';
import { SchoolYear } from '../modules/calendar/school-year.entity';
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
  OfficerAbsence,
  OfficerAgencyPeriod,
  SchoolYear,
  SchoolClosure,
  TrainingCourse,
  TrainingRecord,
  TrainingRequirement,
  Mou,
  MouPdf,
  MouCostTerm,
  Activity,
  User,
  AuditEvent,
  Session,
  ApiToken,
  LoginThrottle,
  // The facility safety audits module (issue 20).
  ChecklistTemplate,
  ChecklistItem,
  SafetyAudit,
  SafetyAuditOfficer,
  SafetyAuditFinding,
  CorrectiveAction,
  Tip,
  TipOfficer,
  TipStep,
];
