import type { EntityManager } from '@mikro-orm/postgresql';
import { ChecklistItem, ChecklistTemplate } from '../../modules/safety-audit/checklist.entity';
import { ChecklistArea, FindingSeverity } from '../../modules/safety-audit/safety-audit.enums';

/** One item of the demo checklist: [criterion, guidance, default severity]. */
type DemoItem = [string, string, FindingSeverity];

const { LOW, MEDIUM, HIGH, CRITICAL } = FindingSeverity;

/**
 * The demo's facility safety checklist, written for this project after the areas that state school-safety
 * toolkits walk (access, visitors, communications, plans and drills, surveillance, grounds, classrooms,
 * transportation). Eight areas, 48 items.
 */
export const DEMO_CHECKLIST_NAME = 'District facility safety checklist';

export const DEMO_CHECKLIST: Record<ChecklistArea, DemoItem[]> = {
  [ChecklistArea.ACCESS_CONTROL]: [
    [
      'All exterior doors are closed and locked during instructional hours',
      'Walk the perimeter and try every exterior door from outside after the first bell.',
      CRITICAL,
    ],
    [
      'Exterior doors are numbered on the inside and outside',
      'Numbers visible from the street help responders; check against the floor plan.',
      MEDIUM,
    ],
    [
      'Visitors enter through one designated entrance with a secure vestibule',
      'The vestibule keeps a visitor out of the building until the office releases the inner door.',
      HIGH,
    ],
    ['Propped doors are detected and reported', 'Door alarms or contact sensors report a door held open for more than a minute.', HIGH],
    [
      'Keys and access cards are inventoried and lost ones deactivated',
      'Ask for the key log and the last access-card audit; master keys signed out by name.',
      MEDIUM,
    ],
    ['Roof hatches, mechanical rooms and utility doors are locked', 'Check the doors marked on the plan as restricted.', MEDIUM],
  ],
  [ChecklistArea.VISITOR_MANAGEMENT]: [
    ['Every visitor signs in and shows identification', 'Observe the front office for ten minutes at arrival or lunch.', HIGH],
    ['Visitors wear a dated badge that is visible', 'Badges change daily or by color so that an old one is obvious.', MEDIUM],
    [
      'Staff wear identification and challenge unbadged adults',
      'Ask two staff members what they do when they meet an adult without a badge.',
      MEDIUM,
    ],
    [
      'Contractors and volunteers are checked and logged',
      'Background checks for volunteers follow district policy; contractors sign in like visitors.',
      MEDIUM,
    ],
    ['Signs direct visitors to the main office from every entrance and parking lot', 'Look from the parking lots and the bus loop.', LOW],
    ['Visitors sign out and badges are collected', 'Compare the sign-in sheet with sign-outs for the previous day.', LOW],
  ],
  [ChecklistArea.COMMUNICATIONS]: [
    [
      'The public address system reaches every room, the gym, cafeteria and outdoor areas',
      'Test an announcement with a listener in the farthest room and on the playground.',
      HIGH,
    ],
    ['Every classroom has a working phone or intercom to the office', 'Spot-check five rooms, including portables.', HIGH],
    ['Administrators and custodians carry two-way radios that reach the SRO', 'Radio check from the far end of the building.', MEDIUM],
    ['The mass-notification system for parents was tested this semester', 'Ask for the date and reach of the last test message.', MEDIUM],
    ['Emergency numbers and the 911 procedure are posted by office phones', 'Includes the dialing prefix for an outside line.', LOW],
    [
      'A lockdown can be announced from more than one place',
      'A second announcing point (panic button, app) where the office cannot be reached.',
      HIGH,
    ],
  ],
  [ChecklistArea.EMERGENCY_PLANS_AND_DRILLS]: [
    [
      'The emergency operations plan was reviewed and updated this school year',
      'Check the revision date and that names and numbers are current.',
      HIGH,
    ],
    ['Lockdown drills were held as required this year', 'Compare the drill log with the state requirement.', HIGH],
    ['Fire and evacuation drills are held and logged monthly', 'The fire marshal log or the school drill log.', MEDIUM],
    [
      'Reunification sites and procedures are set and known to staff',
      'Ask a teacher where students go if the building is evacuated off site.',
      MEDIUM,
    ],
    [
      'Floor plans with room numbers are shared with police and fire',
      'Confirm the last copy sent and that it matches the room numbering.',
      HIGH,
    ],
    ['Staff are trained in the standard response protocol', 'Training record of this school year; new staff included.', MEDIUM],
  ],
  [ChecklistArea.SURVEILLANCE]: [
    [
      'Cameras cover every entrance, the main office and the parking lots',
      'Compare camera views with the exterior doors on the floor plan.',
      MEDIUM,
    ],
    ['Cameras work and record; recordings are kept as district policy requires', 'Play back a recording from last week.', MEDIUM],
    ['The SRO and administrators can see live video', 'Ask for a live view on the workstation or the mobile app.', LOW],
    ['Camera views are not blocked by signs, trees or glare', 'Look at every view during daylight.', LOW],
    ['Monitors showing cameras are out of public view', 'The front desk screen cannot be seen from the lobby.', LOW],
    ['Recording equipment is in a locked room', 'The network video recorder is not in an open closet.', MEDIUM],
  ],
  [ChecklistArea.LIGHTING_AND_GROUNDS]: [
    ['Exterior lighting covers entrances, walkways and parking lots', 'Check at dusk or ask custodians for the lighting log.', MEDIUM],
    ['Fences and gates are intact and locked when the grounds are closed', 'Walk the fence line; note gaps and broken latches.', MEDIUM],
    [
      'Shrubs and trees leave clear sight lines and do not hide doors or windows',
      'Shrubs under 3 feet, tree canopy above 7 feet near buildings.',
      LOW,
    ],
    ['Playgrounds are separated from traffic and parking', 'Barriers or fences between play areas and vehicles.', HIGH],
    ['Roof access from the ground is blocked', 'No climbable dumpsters, trees or ledges next to low roofs.', LOW],
    ['Portable classrooms are lit, locked and connected to the office', 'Check each portable as part of the grounds walk.', MEDIUM],
  ],
  [ChecklistArea.CLASSROOM_SECURITY]: [
    [
      'Classroom doors lock from the inside without stepping into the hallway',
      'Try the lock in five rooms; a key from the outside does not count.',
      CRITICAL,
    ],
    ['Every room has a safe area out of sight of the door window', 'Stand in the hallway and look in.', HIGH],
    ['Door windows can be covered quickly during a lockdown', 'Covers or shades at hand, not taped-up paper.', MEDIUM],
    ['Emergency go-bags or class rosters are in every room', 'A roster that is current this semester.', LOW],
    ['Room numbers are posted inside and outside, matching the floor plan', 'Responders find rooms by these numbers.', MEDIUM],
    ['Ground-floor windows close and lock', 'Spot-check rooms facing the street.', MEDIUM],
  ],
  [ChecklistArea.TRANSPORTATION]: [
    ['Bus loading is separated from parent drop-off and pick-up', 'Observe arrival or dismissal: no car crosses the bus lane.', HIGH],
    ['Staff supervise loading and unloading', 'At least one adult per loading zone.', MEDIUM],
    ['Crosswalks are marked and the crossing is supervised', 'Fresh paint, signs; a crossing guard or staff at the main crossing.', HIGH],
    ['Pick-up by an authorized adult is checked', 'Ask how the office checks who may collect a student early.', MEDIUM],
    ['Bus drivers know the lockdown and evacuation procedures', 'Ask the transportation lead for the training record.', MEDIUM],
    ['Bus routes and rosters are available to the office in an emergency', 'A copy of this semester is in the office.', LOW],
  ],
};

/** Writes the demo checklist as version 1 and publishes it (items first: a published version is frozen). */
export async function seedDemoChecklist(em: EntityManager): Promise<number> {
  const template = em.create(ChecklistTemplate, { name: DEMO_CHECKLIST_NAME, versionNumber: 1 });
  await em.persistAndFlush(template);
  let position = 0;
  const items = Object.entries(DEMO_CHECKLIST).flatMap(([area, rows]) =>
    rows.map(([criterion, guidance, defaultSeverity]) => ({
      template: template.id,
      area: area as ChecklistArea,
      position: ++position,
      criterion,
      guidance,
      defaultSeverity,
    })),
  );
  await em.insertMany(ChecklistItem, items);
  await em.nativeUpdate(ChecklistTemplate, { id: template.id }, { publishedAt: new Date() });
  return items.length;
}
