import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { AppHeader, type Me } from './AppHeader';

const caseworker: Me = {
  __typename: 'Viewer',
  name: 'Sara Nilsen',
  subject: 'saksbehandler',
  roles: ['CASEWORKER'],
  unit: { __typename: 'Unit', id: '1', name: 'Oslo fengsel', kind: 'LOCAL' },
  policeDistrict: null,
};

const police: Me = {
  __typename: 'Viewer',
  name: 'Per Olsen',
  subject: 'politi',
  roles: ['POLICE'],
  unit: null,
  policeDistrict: { __typename: 'PoliceDistrict', id: '2', name: 'Oslo politidistrikt' },
};

const decisionMakerAndAdmin: Me = { ...caseworker, name: 'Berit Lunde', roles: ['DECISION_MAKER', 'ADMIN'] };

function renderHeader(header: ReactNode) {
  render(<MemoryRouter>{header}</MemoryRouter>);
  return screen.getByRole('banner');
}

describe('the header', () => {
  it('names the product and the agency, and leads home', () => {
    const header = renderHeader(<AppHeader />);
    expect(within(header).getByRole('link', { name: 'Varsel' })).toHaveAttribute('href', '/');
    expect(within(header).getByText('Kriminalomsorgen')).toBeInTheDocument();
  });

  it('shows a caseworker by name, role and unit', () => {
    const header = renderHeader(<AppHeader me={caseworker} onLogout={() => {}} />);
    expect(within(header).getByText('Sara Nilsen')).toBeInTheDocument();
    expect(within(header).getByText('Saksbehandler · Oslo fengsel')).toBeInTheDocument();
  });

  it('shows a police liaison officer with the police district', () => {
    const header = renderHeader(<AppHeader me={police} onLogout={() => {}} />);
    expect(within(header).getByText('Politikontakt · Oslo politidistrikt')).toBeInTheDocument();
  });

  it('lists every role a person has', () => {
    const header = renderHeader(<AppHeader me={decisionMakerAndAdmin} onLogout={() => {}} />);
    expect(within(header).getByText('Beslutter, Administrator · Oslo fengsel')).toBeInTheDocument();
  });

  it('logs out when asked', async () => {
    const onLogout = vi.fn();
    const header = renderHeader(<AppHeader me={caseworker} onLogout={onLogout} />);
    await userEvent.click(within(header).getByRole('button', { name: 'Logg ut' }));
    expect(onLogout).toHaveBeenCalledOnce();
  });

  it('can still log out before knowing who is logged in', () => {
    const header = renderHeader(<AppHeader onLogout={() => {}} />);
    expect(within(header).getByRole('button', { name: 'Logg ut' })).toBeInTheDocument();
    expect(within(header).queryByText('Sara Nilsen')).not.toBeInTheDocument();
  });

  it('offers no "Logg ut" to someone who is not logged in', () => {
    const header = renderHeader(<AppHeader />);
    expect(within(header).queryByRole('button')).not.toBeInTheDocument();
  });
});

describe('the header on a phone', () => {
  it("folds the person, the pages and «Logg ut» into «Meny», marking the page shown", async () => {
    const onLogout = vi.fn();
    render(
      <MemoryRouter initialEntries={['/domfelte/7']}>
        <AppHeader
          me={caseworker}
          onLogout={onLogout}
          nav={[
            { to: '/arbeidsliste', label: 'Arbeidsliste' },
            { to: '/domfelte', label: 'Domfelte' },
          ]}
        />
      </MemoryRouter>,
    );
    await userEvent.click(within(screen.getByRole('banner')).getByRole('button', { name: 'Meny' }));
    const menu = await screen.findByRole('menu');
    expect(menu).toHaveTextContent('Sara Nilsen');
    expect(menu).toHaveTextContent('Saksbehandler · Oslo fengsel');
    expect(within(menu).getByRole('menuitem', { name: 'Domfelte' })).toHaveAttribute('aria-current', 'page');
    expect(within(menu).getByRole('menuitem', { name: 'Arbeidsliste' })).not.toHaveAttribute('aria-current');
    await userEvent.click(within(menu).getByRole('menuitem', { name: 'Logg ut' }));
    expect(onLogout).toHaveBeenCalledOnce();
  });
});
