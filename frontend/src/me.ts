import { graphql } from './gql';

/** meDocument asks who is logged in: name, roles, and unit or police district; and whether the service runs on a simulated clock. */
export const meDocument = graphql(`
  query Me {
    me {
      name
      subject
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
    clock {
      now
      simulated
    }
  }
`);
