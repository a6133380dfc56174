import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';

/** What a delete or a bulk action did, to what kind of record: "3 schools deactivated", never "Element updated". */
function notifications(one: string, many: string) {
  return {
    created: `${one} created`,
    updated: `${one} saved |||| %{smart_count} ${many} saved`,
    deleted: `${one} deleted |||| %{smart_count} ${many} deleted`,
    // The bulk Deactivate and Activate buttons (common/BulkActiveButtons.tsx).
    deactivated: `${one} deactivated |||| %{smart_count} ${many} deactivated`,
    activated: `${one} activated |||| %{smart_count} ${many} activated`,
  };
}

const resources = {
  schools: { notifications: notifications('School', 'schools') },
  assignments: { notifications: notifications('Assignment', 'assignments') },
  officers: { notifications: notifications('Officer', 'officers') },
  agencies: { notifications: notifications('Agency', 'agencies') },
  activities: { notifications: notifications('Activity', 'activities') },
  users: { notifications: notifications('User', 'users') },
  apiTokens: { empty: 'No API tokens yet.', notifications: notifications('API token', 'API tokens') },
};

// react-admin's English, in words a person would use: a record's title once ("Assignment of Lauren Pike at
// Juniper Valley High", not "Assignment Assignment #24"), and which record a toast is about.
const messages = {
  ...englishMessages,
  ra: {
    ...englishMessages.ra,
    page: { ...englishMessages.ra.page, show: '%{recordRepresentation}', edit: 'Edit %{recordRepresentation}' },
    notification: {
      ...englishMessages.ra.notification,
      updated: 'Saved |||| %{smart_count} records saved',
      created: 'Created',
      deleted: 'Deleted |||| %{smart_count} records deleted',
    },
  },
  resources,
};

export const i18nProvider = polyglotI18nProvider(() => messages, 'en', [{ locale: 'en', name: 'English' }], { allowMissing: true });
