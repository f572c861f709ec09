import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { Provider } from 'urql';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newClient } from '../client';
import { SessionContext } from '../lib/session';
import { DashboardPage } from './DashboardPage';

const shown = (value: number) => ({ value, suppressed: false });
const hidden = { value: null, suppressed: true };
const none = { value: null, suppressed: false };

function row(unit: string | null, events: number) {
  return {
    unit: unit ? { id: unit, name: unit } : null,
    region: null,
    eventKind: null,
    month: null,
    channel: null,
    custodyEvents: shown(events),
    assessmentsNotify: shown(events - 2),
    assessmentsDoNotNotify: hidden,
    eventsBlockedForSecurity: hidden,
    noticesSent: shown(events - 3),
    noticesByLetter: shown(5),
    noticesByDigipost: hidden,
    noticesByPhone: hidden,
    noticesViaPolice: hidden,
    onTimeRate: { value: 0.875, suppressed: false },
    medianLeadDays: { value: 17, suppressed: false },
    lateNotices: hidden,
    lateNoticesJustified: hidden,
    decisionsNotInformed: hidden,
    noticesSentBeforeFinal: hidden,
    escapesNotified: hidden,
    medianHoursEscapeToNotice: none,
    appealsReceived: hidden,
    appealsUpheld: hidden,
    appealsOverturned: hidden,
    policeRequests: hidden,
    medianPoliceTurnaroundHours: hidden,
    undocumentedPhoneNotices: hidden,
    decisionsPending: hidden,
  };
}

const answers: unknown[] = [];

beforeEach(() => {
  // recharts measures its container; jsdom has no layout.
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init?: RequestInit) => {
      answers.push(JSON.parse(String(init?.body)));
      const body = String(init?.body).includes('Rulebook')
        ? { data: { rulebook: [] } }
        : {
            data: {
              statistics: { from: '2025-12-01', to: '2026-12-01', suppressionThreshold: 5, rows: [row('Skien fengsel', 12)], total: row(null, 12) },
            },
          };
      return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    }),
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
  answers.length = 0;
});

describe('the dashboard (PR4)', () => {
  it('shows the figures, and every count under 5 as hidden — never as a number', async () => {
    render(
      <MemoryRouter>
        <SessionContext.Provider value={{ me: { __typename: 'Viewer', name: 'Anne Berg', subject: 'analytiker', roles: ['ANALYST'], unit: null, policeDistrict: null }, token: () => 't' }}>
          <Provider value={newClient(() => 't', () => undefined)}>
            <DashboardPage />
          </Provider>
        </SessionContext.Provider>
      </MemoryRouter>,
    );
    const table = await screen.findByRole('region', { name: 'Tallene i tabell' });
    const skien = within(table).getByRole('row', { name: /Skien fengsel/ });
    const cells = within(skien).getAllByRole('cell').map((c) => c.textContent);
    expect(cells.slice(0, 2)).toEqual(['12', '10']);
    expect(cells).toContain('88 %');
    expect(cells).toContain('17 d');
    expect(cells.filter((c) => c === 'skjult').length).toBeGreaterThan(5);
    // The headline figures, likewise.
    expect(screen.getByRole('group', { name: 'Sendt i tide (minst 14 dager før)' })).toHaveTextContent('88 %');
    expect(screen.getByRole('group', { name: 'Venter på vedtak' })).toHaveTextContent('skjult');
    // It asked for the last year, grouped by unit.
    const asked = answers.find((a) => (a as { operationName: string }).operationName === 'Statistics') as { variables: Record<string, unknown> };
    expect(asked.variables.groupBy).toEqual(['UNIT']);
  });
});
