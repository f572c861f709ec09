import { Button, Detail, HStack, Link, ProgressBar, VStack } from '@navikt/ds-react';
import { useEffect, useRef, useState } from 'react';
import { fetchFile, type Fetched } from '../lib/download';
import { useSession } from '../lib/session';
import { ErrorState } from './ErrorState';

interface Props {
  /** The protected file, e.g. /letters/notices/12. */
  path: string;
  /** The button's text, e.g. "Forhåndsvis brevet". */
  children: string;
  /** The file name when saved. */
  filename: string;
  /** Show a PDF in the page as well as offering it. */
  preview?: boolean;
  /** What the work is, while it is done: "Lager utskriftsbunken". */
  working?: string;
}

/**
 * FileButton fetches a protected file (a letter, a print batch, a CSV) with
 * the access token, shows progress while it comes, and then offers it — and,
 * for a letter, shows the very PDF that will be sent.
 */
export function FileButton({ path, children, filename, preview, working = 'Henter' }: Props) {
  const { token } = useSession();
  const [busy, setBusy] = useState(false);
  const [share, setShare] = useState(0);
  const [file, setFile] = useState<Fetched>();
  const [problem, setProblem] = useState<string>();
  const abort = useRef<AbortController>(undefined);

  useEffect(() => () => {
    abort.current?.abort();
  }, []);
  useEffect(() => () => {
    if (file) URL.revokeObjectURL(file.url);
  }, [file]);

  const fetchIt = async () => {
    setBusy(true);
    setProblem(undefined);
    setShare(0);
    abort.current = new AbortController();
    try {
      setFile(await fetchFile(path, token(), setShare, abort.current.signal));
    } catch (err) {
      if ((err as Error).name !== 'AbortError') setProblem((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <VStack gap="space-8" align="start">
      <Button type="button" size="small" variant="secondary" onClick={() => void fetchIt()} loading={busy}>
        {children}
      </Button>
      {busy && (
        <VStack gap="space-4" className="progress" role="status">
          <Detail>
            {working} … {share > 0 ? `${Math.round(share * 100)} %` : ''}
          </Detail>
          {share > 0 ? (
            <ProgressBar value={Math.round(share * 100)} valueMax={100} aria-label={working} size="small" />
          ) : (
            <ProgressBar simulated={{ seconds: 10, onTimeout: () => undefined }} aria-label={working} size="small" />
          )}
        </VStack>
      )}
      {problem && <ErrorState message={problem} onRetry={() => void fetchIt()} />}
      {file && !busy && (
        <VStack gap="space-8" align="stretch" className="file-result">
          <HStack gap="space-12" align="center">
            <Link href={file.url} download={filename}>
              Last ned {filename}
            </Link>
            <Link href={file.url} target="_blank" rel="noreferrer">
              Åpne i ny fane
            </Link>
            <Detail>{Math.max(1, Math.round(file.size / 1024))} kB</Detail>
          </HStack>
          {preview && file.type.includes('pdf') && <iframe className="pdf-preview" src={file.url} title={`Forhåndsvisning: ${filename}`} />}
        </VStack>
      )}
    </VStack>
  );
}
