/** A file fetched with the access token: a PDF letter, a print batch, a CSV export. */
export interface Fetched {
  url: string;
  type: string;
  size: number;
}

/**
 * fetchFile GETs a protected file with the bearer token and returns an
 * object URL for it. onProgress gets the share received (0–1) when the
 * server says how big the file is, so long work shows its progress. The
 * server's own message is the error when it refuses.
 */
export async function fetchFile(
  path: string,
  token: string | undefined,
  onProgress?: (share: number) => void,
  signal?: AbortSignal,
): Promise<Fetched> {
  const res = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {}, signal });
  if (!res.ok) {
    const text = (await res.text()).trim();
    throw new Error(text && text.length < 300 ? text : `Serveren svarte ${res.status}.`);
  }
  const total = Number(res.headers.get('content-length') ?? 0);
  const type = res.headers.get('content-type') ?? 'application/octet-stream';
  let blob: Blob;
  if (res.body && total > 0 && onProgress) {
    const reader = res.body.getReader();
    const chunks: Uint8Array[] = [];
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.length;
      onProgress(Math.min(1, received / total));
    }
    blob = new Blob(chunks as BlobPart[], { type });
  } else {
    blob = await res.blob();
  }
  onProgress?.(1);
  return { url: URL.createObjectURL(blob), type, size: blob.size };
}
