import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ErrorState } from './ErrorState';

describe('an error a person can act on', () => {
  it('is announced and offers to try again', async () => {
    const retry = vi.fn();
    render(<ErrorState message="Kunne ikke hente brukerinformasjon. Prøv igjen." onRetry={retry} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Kunne ikke hente brukerinformasjon.');
    await userEvent.click(screen.getByRole('button', { name: 'Prøv igjen' }));
    expect(retry).toHaveBeenCalledOnce();
  });

  it('offers no retry when there is nothing to retry', () => {
    render(<ErrorState message="Du har ikke tilgang." />);
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
