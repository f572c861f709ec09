import { describe, expect, it } from 'vitest';
import { progress, stepAnchor } from './workflow';

describe("an event's page follows the server's next steps", () => {
  it('a new event starts with the security assessment (AS2)', () => {
    const p = progress(['ASSESS_SECURITY'], undefined, false, false);
    expect(p.state).toEqual({
      security: 'active',
      significance: 'later',
      decision: 'later',
      inform: 'later',
      appeal: 'later',
      notices: 'later',
    });
    expect(p.stopped).toBeUndefined();
  });

  it('waits while the police are asked for a statement', () => {
    expect(progress(['AWAIT_POLICE_STATEMENT'], 'AWAITING_POLICE', false, false).state.security).toBe('waiting');
  });

  it('a confirmed risk stops every later step (AS2)', () => {
    const p = progress([], 'RISK_CONFIRMED', false, false);
    expect(p.state.security).toBe('done');
    expect(p.state.decision).toBe('blocked');
    expect(p.state.notices).toBe('blocked');
    expect(p.stopped?.rule).toBe('AS2');
  });

  it('the decision comes once every recipient is assessed', () => {
    const p = progress(['DECIDE'], 'NO_RISK', false, false);
    expect(p.state.security).toBe('done');
    expect(p.state.significance).toBe('done');
    expect(p.state.decision).toBe('active');
  });

  it('notices held for the appeal deadline wait (DC5)', () => {
    const p = progress(['AWAIT_APPEAL_DEADLINE', 'AWAIT_APPEAL_DEADLINE'], 'NO_RISK', true, true);
    expect(p.state.inform).toBe('done');
    expect(p.state.appeal).toBe('waiting');
  });

  it('a letter to post and a notice to send are work, not waiting', () => {
    expect(progress(['SEND_NOTICE', 'AWAIT_POLICE_DELIVERY'], 'NO_RISK', true, true).state.notices).toBe('active');
    expect(progress(['AWAIT_POLICE_DELIVERY'], 'NO_RISK', true, true).state.notices).toBe('waiting');
  });

  it('assessed, and nobody to notify: the workflow ends without a decision (AS5)', () => {
    const p = progress([], 'NO_RISK', false, false);
    expect(p.stopped?.rule).toBe('AS5');
    expect(p.state.significance).toBe('done');
    expect(p.state.decision).toBe('blocked');
  });

  it('every notice sent: all done', () => {
    expect(Object.values(progress([], 'NO_RISK', true, true).state)).toEqual(Array(6).fill('done'));
  });
});

describe('a decision that fell stops the workflow there (DC1, DC7)', () => {
  it('says the decision was withdrawn, not that nobody was to be notified', () => {
    const p = progress([], 'NO_RISK', true, false, 'WITHDRAWN');
    expect(p.stopped?.rule).toBe('DC1');
    expect(p.stopped?.reason).toContain('trukket tilbake');
  });
  it('says the decision was overturned on appeal', () => {
    expect(progress([], 'NO_RISK', false, false, 'OVERTURNED').stopped?.rule).toBe('DC7');
  });
  it('still says nobody is notified when the assessments found nobody', () => {
    expect(progress([], 'NO_RISK', false, false, 'ASSESSING').stopped?.rule).toBe('AS5');
  });
});

describe('the appeal step says what holds for the decision (DC4, DC5, DC7)', () => {
  it('is not «done» while the appeal window is open, though the notices are being prepared', () => {
    expect(progress(['PREPARE_NOTICES'], 'NO_RISK', false, true, 'APPEAL_WINDOW').state.appeal).toBe('running');
  });

  it('nor when every notice went early (DC6) and the window is still open', () => {
    expect(progress([], 'NO_RISK', true, true, 'APPEAL_WINDOW').state.appeal).toBe('running');
  });

  it('waits for the level above while an appeal is pending', () => {
    expect(progress(['DECIDE_APPEAL'], 'NO_RISK', true, true, 'APPEALED').state.appeal).toBe('active');
  });

  it('is done once the decision is final', () => {
    expect(progress(['SEND_NOTICE'], 'NO_RISK', true, true, 'FINAL').state.appeal).toBe('done');
  });

  it('comes later while the convict is not yet informed', () => {
    expect(progress(['INFORM_CONVICT'], 'NO_RISK', false, true, 'DECIDED').state.appeal).toBe('later');
  });
});

describe('«Gå til steget» lands on the step', () => {
  it.each([
    ['ASSESS_SECURITY', 'sikkerhet'],
    ['AWAIT_POLICE_STATEMENT', 'sikkerhet'],
    ['ASSESS_SIGNIFICANCE', 'vurdering'],
    ['DECIDE', 'vedtak'],
    ['INFORM_CONVICT', 'underretning'],
    ['DECIDE_APPEAL', 'klage'],
    ['AWAIT_APPEAL_DEADLINE', 'klage'],
    ['PREPARE_NOTICES', 'varsler'],
  ] as const)('%s is in the section #%s', (step, anchor) => {
    expect(stepAnchor(step)).toBe(anchor);
  });

  it("a step about one notice lands on that notice's card", () => {
    expect(stepAnchor('POST_LETTER', '12')).toBe('varsel-12');
  });
});
