/** What the server tells the app at start: where to log in, and what this installation offers. */
export interface AppConfig {
  oidc: { authority: string; client_id: string; scope: string };
  dev: boolean;
  /** Whether Digipost is set up; it is offered as a channel only then. */
  digipost?: boolean;
}

export async function loadConfig(): Promise<AppConfig> {
  const res = await fetch('/config.json', { cache: 'no-store' });
  if (!res.ok) throw new Error(`config.json: HTTP ${res.status}`);
  return (await res.json()) as AppConfig;
}
