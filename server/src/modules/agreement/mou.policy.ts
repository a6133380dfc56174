import { Role } from '../../common/actor';
import { actorSetting, ALL_ROWS, definePolicy, NOTHING, type WriteScope } from '../../common/policy';
import type { Mou } from './mou.entity';
import type { MouCostTerm } from './mou-cost-term.entity';

const ownAgency = `agency_id = ${actorSetting('agency_id')}`;

const chiefsOwn: WriteScope = { holds: (actor, mou) => mou.agencyId != null && mou.agencyId === actor.agencyId, sql: ownAgency };

/**
 * Agreements: ADMIN reads and writes all; a chief its own agency's; an analyst reads all (the figures, never the
 * signed PDF: mouDocumentPolicy); an officer nothing.
 */
export const mouPolicy = definePolicy<Mou>({
  table: 'mou',
  facts: (mou) => ({ agencyId: mou.agency?.id }),
  roles: {
    [Role.ADMIN]: { read: ALL_ROWS, create: ALL_ROWS, update: ALL_ROWS, delete: ALL_ROWS, fields: {} },
    [Role.ANALYST]: { read: ALL_ROWS, create: null, update: null, delete: null, fields: {} },
    [Role.AGENCY_CHIEF]: {
      read: {
        where: (actor) => ({ agency: actor.agencyId ?? 0 }),
        holds: (actor, mou) => mou.agencyId === actor.agencyId,
        sql: ownAgency,
      },
      create: chiefsOwn,
      update: chiefsOwn,
      delete: chiefsOwn,
      fields: {},
    },
    [Role.OFFICER]: { ...NOTHING, fields: {} },
  },
});

/** A signed PDF's row: its agreement's agency. */
export interface MouDocumentRow {
  agencyId: number | null;
}

const documentOfOwnAgency = `mou_id in (select mou.id from mou where ${ownAgency})`;
const chiefsDocument: WriteScope = {
  holds: (actor, row) => row.agencyId != null && row.agencyId === actor.agencyId,
  sql: documentOfOwnAgency,
};

/** The signed PDF (table mou_document): ADMIN all, a chief its own agency's, analysts and officers none. */
export const mouDocumentPolicy = definePolicy<MouDocumentRow>({
  table: 'mou_document',
  facts: (row) => ({ agencyId: row.agencyId }),
  roles: {
    [Role.ADMIN]: { read: ALL_ROWS, create: ALL_ROWS, update: ALL_ROWS, delete: ALL_ROWS, fields: {} },
    [Role.ANALYST]: { ...NOTHING, fields: {} },
    [Role.AGENCY_CHIEF]: {
      read: { where: (actor) => ({ agencyId: actor.agencyId ?? 0 }), holds: chiefsDocument.holds, sql: documentOfOwnAgency },
      create: chiefsDocument,
      update: chiefsDocument,
      delete: chiefsDocument,
      fields: {},
    },
    [Role.OFFICER]: { ...NOTHING, fields: {} },
  },
});

/** A cost term's row: its agreement's agency. */
const termOfOwnAgency = `mou_id in (select mou.id from mou where ${ownAgency})`;
const chiefsTerm: WriteScope = { holds: chiefsOwn.holds, sql: termOfOwnAgency };

/** Cost terms: as their agreement (ADMIN all, a chief its own agency's, analysts read, officers nothing). */
export const mouCostTermPolicy = definePolicy<MouCostTerm>({
  table: 'mou_cost_term',
  facts: (term) => ({ agencyId: term.mou?.unwrap().agency?.id }),
  roles: {
    [Role.ADMIN]: { read: ALL_ROWS, create: ALL_ROWS, update: ALL_ROWS, delete: ALL_ROWS, fields: {} },
    [Role.ANALYST]: { read: ALL_ROWS, create: null, update: null, delete: null, fields: {} },
    [Role.AGENCY_CHIEF]: {
      read: { where: (actor) => ({ mou: { agency: actor.agencyId ?? 0 } }), holds: chiefsOwn.holds, sql: termOfOwnAgency },
      create: chiefsTerm,
      update: chiefsTerm,
      delete: chiefsTerm,
      fields: {},
    },
    [Role.OFFICER]: { ...NOTHING, fields: {} },
  },
});
