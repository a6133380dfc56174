import { Authorized, Resolver } from 'type-graphql';
import { createCrudResolver } from '../../common/crud.resolver';
import { Agency } from './agency.entity';
import { AgencyFilter, AgencySort, BulkUpdateAgencyInput, CreateAgencyInput, UpdateAgencyInput } from './agency.inputs';
import { agencyService } from './agency.service';

@Authorized()
@Resolver(() => Agency)
export class AgencyResolver extends createCrudResolver({
  type: Agency,
  plural: 'agencies',
  singular: 'agency',
  filter: AgencyFilter,
  sort: AgencySort,
  create: CreateAgencyInput,
  update: UpdateAgencyInput,
  bulkUpdate: BulkUpdateAgencyInput,
  service: agencyService,
  writers: 'ADMIN only.',
}) {}
