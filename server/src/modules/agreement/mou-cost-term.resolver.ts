import { Resolver } from 'type-graphql';
import { createCrudResolver } from '../../common/crud.resolver';
import { MouCostTerm } from './mou-cost-term.entity';
import {
  BulkUpdateMouCostTermInput,
  CreateMouCostTermInput,
  MouCostTermFilter,
  MouCostTermSort,
  UpdateMouCostTermInput,
} from './mou-cost-term.inputs';
import { mouCostTermService } from './mou-cost-term.service';

@Resolver(() => MouCostTerm)
export class MouCostTermResolver extends createCrudResolver({
  type: MouCostTerm,
  plural: 'mouCostTerms',
  singular: 'mouCostTerm',
  filter: MouCostTermFilter,
  sort: MouCostTermSort,
  create: CreateMouCostTermInput,
  update: UpdateMouCostTermInput,
  bulkUpdate: BulkUpdateMouCostTermInput,
  service: mouCostTermService,
  writers: "ADMIN for any agreement; AGENCY_CHIEF for its own agency's. A second term of one agreement from the same day is a CONFLICT.",
}) {}
