import { graphql } from './gql';

/** meDocument asks who is logged in: name, roles, and unit or police district. */
export const meDocument = graphql(`
  query Me {
    me {
      subject
      name
      roles
      unit {
        id
        name
        kind
      }
      policeDistrict {
        id
        name
      }
    }
  }
`);
