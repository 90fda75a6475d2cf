import type { Host, SaveFileRequest, SaveFileResult, SaveStream, SaveStreamRequest } from './host';

/** Removes characters that file systems refuse, keeping the name readable. */
export function safeFileName(name: string): string {
  const cleaned = name
    // Control characters are exactly what must go: file systems refuse them.
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    .replace(/^\.+/, '_')
    .trim();
  return cleaned.slice(0, 200) || 'casefile-export';
}

/** Where a browser puts downloads, as far as the page can know. */
export const BROWSER_DOWNLOAD_LOCATION = 'your browser’s downloads (usually the Downloads folder)';

/** Bytes gathered before the pieces so far are folded into one Blob. */
const FOLD_BYTES = 32 * 1024 * 1024;

/** The web fallback: files are saved as downloads, which the browser asks about or files away. */
export function createBrowserHost(doc: Document = document): Host {
  const download = (blob: Blob, suggestedName: string): SaveFileResult => {
    const url = URL.createObjectURL(blob);
    try {
      const link = doc.createElement('a');
      link.href = url;
      link.download = safeFileName(suggestedName);
      link.rel = 'noopener';
      link.style.display = 'none';
      doc.body.append(link);
      link.click();
      link.remove();
    } finally {
      // The download has taken its copy by the next task; keep the URL a moment for slow starts.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    }
    return { saved: true, location: BROWSER_DOWNLOAD_LOCATION };
  };
  return {
    kind: 'browser',
    async saveFile(request: SaveFileRequest): Promise<SaveFileResult> {
      const blob = new Blob([request.data as Uint8Array<ArrayBuffer>], {
        type: request.mediaType || 'application/octet-stream',
      });
      return download(blob, request.suggestedName);
    },
    async openSaveStream(request: SaveStreamRequest): Promise<SaveStream> {
      // A page cannot write a file bit by bit, so the pieces become one Blob that is then
      // downloaded. Pieces are folded into Blobs every 32 MB, which lets the browser keep them
      // outside the page's memory (Chromium moves large blobs to disk).
      let folded: Blob[] = [];
      let pending: Uint8Array<ArrayBuffer>[] = [];
      let pendingBytes = 0;
      let open = true;
      const fold = () => {
        if (pending.length === 0) return;
        folded.push(new Blob(pending));
        pending = [];
        pendingBytes = 0;
      };
      return {
        write: async (chunk) => {
          if (!open) throw new Error('This file is already finished.');
          pending.push(chunk as Uint8Array<ArrayBuffer>);
          pendingBytes += chunk.byteLength;
          if (pendingBytes >= FOLD_BYTES) fold();
        },
        close: async () => {
          open = false;
          fold();
          const blob = new Blob(folded, { type: request.mediaType || 'application/octet-stream' });
          folded = [];
          return download(blob, request.suggestedName);
        },
        abort: async () => {
          open = false;
          folded = [];
          pending = [];
        },
      };
    },
  };
}
