import { graphql } from '../../gql';
import type { EventPageQuery } from '../../gql/graphql';

export const eventPageDocument = graphql(`
  query EventPage($id: ID!) {
    custodyEvent(id: $id) {
      id
      kind
      legalBasis
      startsAt
      endsAt
      dateOnly
      decidingLevel
      status
      state
      stateName
      fullTermRelease
      createdAt
      cancelReason
      movedAt
      moveReason
      decidingUnit {
        id
        name
      }
      convict {
        id
        name
      }
      nextSteps {
        step
        title
        rule
        deadline
        overdue
        notice {
          id
        }
      }
      potentialRecipients {
        victim {
          id
          name
          birthDate
          addressProtection
        }
        survivor {
          id
          name
          birthDate
          relation
          addressProtection
        }
        criminalCase {
          id
          caseNumber
          status
        }
        assessment {
          id
          outcome
          reasoning
          recipientMinor
          createdAt
          assessedBy {
            name
          }
        }
        survivors
        minor
      }
      conditions {
        id
        kind
        area
        areaLevel
        description
        legalBasis
        concernsVictims {
          id
        }
        concernsSurvivors {
          id
        }
      }
      informationRequests {
        id
        source
        sourceName
        purpose
        requestedAt
        answeredAt
        answerSummary
        policeRequest {
          id
          status
          policeDistrict {
            name
          }
        }
      }
      securityAssessments {
        id
        outcome
        reasoning
        policeStatement
        assessedAt
        assessedBy {
          name
        }
        policeRequest {
          id
          status
          policeDistrict {
            name
          }
        }
      }
      decisions {
        id
        status
        level
        reasoning
        decidedAt
        convictInformedAt
        convictInformedHow
        informingImpracticableReason
        oralAppealAnswer
        appealDeadline
        withdrawnAt
        withdrawReason
        decidingUnit {
          name
        }
        decidedBy {
          name
        }
        appeals {
          id
          receivedAt
          grounds
          status
          decidedAt
          reasoning
          decidingUnit {
            name
          }
        }
      }
      notices {
        id
        kind
        status
        route
        channel
        dueDate
        late
        lateJustification
        earlyReleaseJustification
        writtenStandard
        sentAt
        deliveredAt
        phoneReason
        phoneDocumentedAt
        phoneDocumentation
        cancelledAt
        cancelReason
        victim {
          id
          name
        }
        survivor {
          id
          name
        }
        guardian {
          id
          name
        }
        policeDistrict {
          name
        }
        content {
          legalBasis
          startsAt
          endsAt
          dateOnly
          mayReserve
          conditions {
            kind
            area
            areaLevel
            description
          }
        }
      }
    }
    policeDistricts {
      id
      name
    }
  }
`);

export type CustodyEventData = EventPageQuery['custodyEvent'];
export type District = EventPageQuery['policeDistricts'][number];
