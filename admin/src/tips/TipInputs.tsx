import {
  BooleanInput,
  DateTimeInput,
  maxLength,
  ReferenceArrayInput,
  ReferenceInput,
  required,
  SelectArrayInput,
  SelectInput,
  TextInput,
  useRecordContext,
} from 'react-admin';
import { StudentPrivacyNotice } from '../activities/StudentPrivacyNotice';
import { officerLabel } from '../choices';
import { TIP_TEXT_MAX, tipCategories, tipDispositions, tipSources } from './tipChoices';

const tooLong = maxLength(TIP_TEXT_MAX, `At most ${TIP_TEXT_MAX} characters: never a narrative or a name`);

/** The fields of a tip, for entering and changing it. No field takes the tip's content or anyone's name. */
export function TipInputs({ edit = false }: { edit?: boolean }) {
  // The API reads the assigned officers as assignedOfficers and takes them back as officerIds.
  const tip = useRecordContext<{ id: string; assignedOfficers?: { id: string }[] }>();
  return (
    <>
      <StudentPrivacyNotice />
      <TextInput
        source="referenceNumber"
        label="Tip-line reference number"
        validate={[required(), tooLong]}
        helperText="The tip line's number only: the tip's content stays with the tip line."
      />
      <SelectInput source="source" label="Source" choices={tipSources} validate={required()} />
      <DateTimeInput source="receivedAt" label="Received at" validate={required()} />
      <SelectInput source="category" label="Category" choices={tipCategories} validate={required()} />
      <BooleanInput source="lifeSafety" label="Life safety (first action due within minutes)" />
      <ReferenceInput source="schoolId" reference="schools" sort={{ field: 'name', order: 'ASC' }} perPage={200}>
        <SelectInput label="School" optionText="name" />
      </ReferenceInput>
      <ReferenceArrayInput
        source="officerIds"
        reference="officers"
        sort={{ field: 'lastName', order: 'ASC' }}
        perPage={200}
        defaultValue={tip?.assignedOfficers?.map((officer) => officer.id)}
      >
        <SelectArrayInput label="Assigned officers" optionText={officerLabel} />
      </ReferenceArrayInput>
      {edit && <SelectInput source="closeAs" label="Close as" choices={tipDispositions} />}
    </>
  );
}
