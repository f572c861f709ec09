import { Tag } from '@navikt/ds-react';
import type { PoliceRequestStatus } from '../gql/graphql';
import { label, policeRequestStatusLabels } from '../lib/labels';

const colour: Record<PoliceRequestStatus, 'info' | 'warning' | 'success' | 'neutral'> = {
  OPEN: 'info',
  ACKNOWLEDGED: 'warning',
  COMPLETED: 'success',
  DECLINED: 'neutral',
};

export function PoliceRequestStatusTag({ status }: { status: PoliceRequestStatus }) {
  return (
    <Tag size="xsmall" variant="moderate" data-color={colour[status]}>
      {label(policeRequestStatusLabels, status)}
    </Tag>
  );
}
