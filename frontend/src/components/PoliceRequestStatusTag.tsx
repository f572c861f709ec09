import { Tag } from '@navikt/ds-react';
import type { PoliceRequestKind, PoliceRequestStatus } from '../gql/graphql';
import { policeRequestStatus } from '../lib/labels';

const colour: Record<PoliceRequestStatus, 'info' | 'warning' | 'success' | 'neutral'> = {
  OPEN: 'info',
  ACKNOWLEDGED: 'warning',
  COMPLETED: 'success',
  DECLINED: 'neutral',
  WITHDRAWN: 'neutral',
};

/** PoliceRequestStatusTag shows where a request to the police stands: a delivered notice as «Levert», not «Besvart». */
export function PoliceRequestStatusTag({ status, kind }: { status: PoliceRequestStatus; kind: PoliceRequestKind }) {
  return (
    <Tag size="xsmall" variant="moderate" data-color={colour[status]}>
      {policeRequestStatus(status, kind)}
    </Tag>
  );
}
