import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect, useState } from 'react';
import { Link, MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { PageChange } from './PageChange';

/** Later is a page whose heading comes with its data, after a while. */
function Later({ release }: { release: Promise<void> }) {
  const [ready, setReady] = useState(false);
  useEffect(() => void release.then(() => setReady(true)), [release]);
  return ready ? <h1>Martin Berg</h1> : <p>Henter …</p>;
}

function app(release: Promise<void> = Promise.resolve(), start = '/arbeidsliste') {
  render(
    <MemoryRouter initialEntries={[start]}>
      <PageChange />
      <main id="innhold">
        <Routes>
          <Route
            path="/arbeidsliste"
            element={
              <>
                <h1>Arbeidsliste</h1>
                <Link to="/domfelte/1">Martin Berg</Link>
                <Link to="/hendelser/2#vedtak">Gå til steget</Link>
              </>
            }
          />
          <Route path="/domfelte/1" element={<Later release={release} />} />
          <Route path="/hendelser/2" element={<h1>Permisjon</h1>} />
        </Routes>
      </main>
    </MemoryRouter>,
  );
}

describe('moving to another page', () => {
  it('leaves focus alone on the first page', () => {
    app();
    expect(screen.getByRole('heading', { name: 'Arbeidsliste' })).not.toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent('');
  });

  it("focuses the new page's heading once its data has come, announces it and names the tab after it", async () => {
    let release!: () => void;
    app(new Promise<void>((ok) => (release = ok)));
    await userEvent.click(screen.getByRole('link', { name: 'Martin Berg' }));
    expect(screen.getByText('Henter …')).toBeInTheDocument();
    await act(async () => release());
    const heading = await screen.findByRole('heading', { name: 'Martin Berg' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByRole('status')).toHaveTextContent('Martin Berg');
    expect(document.title).toBe('Martin Berg – Varsel');
  });

  it('leaves focus to the page when the link points at a place on it (#vedtak)', async () => {
    app();
    await userEvent.click(screen.getByRole('link', { name: 'Gå til steget' }));
    const heading = await screen.findByRole('heading', { name: 'Permisjon' });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Permisjon'));
    expect(heading).not.toHaveFocus();
  });
});
