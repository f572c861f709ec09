import { Tag } from '@navikt/ds-react';
import type { NoticeStatus } from '../gql/graphql';
import { label, noticeStatusLabels } from '../lib/labels';

const colour: Record<NoticeStatus, 'neutral' | 'info' | 'success' | 'warning' | 'danger'> = {
  HELD: 'warning',
  READY: 'info',
  SENDING: 'info',
  SENT: 'success',
  DELIVERED: 'success',
  CANCELLED: 'neutral',
};

/** NoticeStatusTag shows where a notice stands, in words and colour. */
export function NoticeStatusTag({ status }: { status: NoticeStatus }) {
  return (
    <Tag size="xsmall" variant="moderate" data-color={colour[status]}>
      {label(noticeStatusLabels, status)}
    </Tag>
  );
}
