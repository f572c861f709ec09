import { describe, expect, it } from 'vitest';
import type { EventState, NoticeStatus } from '../../gql/graphql';
import { policeRequestStatus } from '../../lib/labels';
import { mayRegisterAppeal } from './DecisionSteps';
import type { CustodyEventData } from './document';
import { earlyRelease } from './NoticesStep';

function event(state: EventState, appeals: { status: string }[] = [], notices: NoticeStatus[] = []) {
  return {
    state,
    decisions: [{ id: 'd1', status: 'IN_FORCE', appeals }],
    notices: notices.map((status, i) => ({ id: String(i), status })),
  } as unknown as Pick<CustodyEventData, 'state' | 'decisions' | 'notices'>;
}

describe('«Registrer klage» is offered only while an appeal can come (DC7)', () => {
  it.each([
    ['while the appeal window runs', event('APPEAL_WINDOW'), true],
    ['a late appeal once the decision is final', event('FINAL'), true],
    ['not before the convict is informed', event('DECIDED'), false],
    ['not while an appeal is pending', event('APPEALED', [{ status: 'PENDING' }]), false],
    ['not after the appeal is decided and the decision stands', event('FINAL', [{ status: 'UPHELD' }]), false],
    ['not after the decision is overturned', event('OVERTURNED', [{ status: 'OVERTURNED' }]), false],
    ['not once a notice has gone', event('FINAL', [], ['SENT']), false],
  ])('%s', (_, e, offered) => {
    expect(mayRegisterAppeal(e)).toBe(offered);
  });
});

describe('a notice released before the appeal deadline (DC6) says what happened to it', () => {
  it.each([
    ['READY', 'Frigitt før klagefristen'],
    ['HELD', 'Frigitt før klagefristen'],
    ['SENDING', 'Sendt før klagefristen'],
    ['SENT', 'Sendt før klagefristen'],
    ['DELIVERED', 'Sendt før klagefristen'],
  ] as const)('%s: «%s»', (status, text) => {
    expect(earlyRelease(status)).toBe(text);
  });
});

describe('a request to the police says what the police did', () => {
  it('a delivered notice is «Levert», not «Besvart» (RC9)', () => {
    expect(policeRequestStatus('COMPLETED', 'DELIVER_NOTICE')).toBe('Levert');
  });
  it('a statement given is «Besvart» (AS2)', () => {
    expect(policeRequestStatus('COMPLETED', 'SECURITY_STATEMENT')).toBe('Besvart');
  });
  it('an open request is «Ny» whatever it asks', () => {
    expect(policeRequestStatus('OPEN', 'DELIVER_NOTICE')).toBe('Ny');
  });
});
