import type { ApolloServerPlugin } from '@apollo/server';

const SUGGESTION = / ?Did you mean (.+?)\?$/;

/**
 * In production no error message suggests names from the schema ("Did you mean "schools"?"), so that a
 * caller with introspection off cannot rebuild the schema by guessing. Apollo's `hideSchemaDetailsFromClientErrors`
 * covers validation errors only; this covers the rest too: variables and enum values that do not coerce.
 * graphql-armor's suggestion blocking is not used: its pattern (`Did you mean ".+"`) misses graphql-js's
 * `Did you mean the enum value "HIGH"?`, which production-profile.test.ts sends.
 */
export const hideSuggestionsPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors }) {
        for (const error of errors) {
          if (SUGGESTION.test(error.message)) error.message = error.message.replace(SUGGESTION, '');
        }
      },
    };
  },
};
