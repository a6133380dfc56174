import { Create, SimpleForm } from 'react-admin';
import { ActivityInputs } from './ActivityInputs';
import { withoutStrayTopic } from './transform';

export function ActivityCreate() {
  return (
    <Create redirect="list" transform={withoutStrayTopic}>
      <SimpleForm>
        <ActivityInputs />
      </SimpleForm>
    </Create>
  );
}
