import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AppHeader, type Me } from './AppHeader';

const caseworker: Me = {
  subject: 'saksbehandler',
  name: 'Sara Nilsen',
  roles: ['CASEWORKER'],
  unit: { id: '1', name: 'Oslo fengsel', kind: 'LOCAL' },
  policeDistrict: null,
};

const police: Me = {
  subject: 'politi',
  name: 'Per Olsen',
  roles: ['POLICE'],
  unit: null,
  policeDistrict: { id: '2', name: 'Oslo politidistrikt' },
};

describe('the header', () => {
  it('shows a caseworker by name, role and unit', () => {
    render(<AppHeader me={caseworker} onLogout={() => {}} />);
    expect(screen.getByText('Sara Nilsen')).toBeInTheDocument();
    expect(screen.getByText('Saksbehandler · Oslo fengsel')).toBeInTheDocument();
  });

  it('shows a police liaison officer with the police district', () => {
    render(<AppHeader me={police} onLogout={() => {}} />);
    expect(screen.getByText('Politikontakt · Oslo politidistrikt')).toBeInTheDocument();
  });

  it('logs out when asked', async () => {
    const onLogout = vi.fn();
    render(<AppHeader me={caseworker} onLogout={onLogout} />);
    await userEvent.click(screen.getByRole('button', { name: 'Logg ut' }));
    expect(onLogout).toHaveBeenCalledOnce();
  });

  it('can still log out before knowing who is logged in', () => {
    render(<AppHeader onLogout={() => {}} />);
    expect(screen.getByRole('button', { name: 'Logg ut' })).toBeInTheDocument();
    expect(screen.queryByText('Sara Nilsen')).not.toBeInTheDocument();
  });
});
