import type { Host, SaveFileRequest, SaveFileResult } from './host';

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

/** The web fallback: files are saved as downloads, which the browser asks about or files away. */
export function createBrowserHost(doc: Document = document): Host {
  return {
    kind: 'browser',
    async saveFile(request: SaveFileRequest): Promise<SaveFileResult> {
      const blob = new Blob([request.data as Uint8Array<ArrayBuffer>], {
        type: request.mediaType || 'application/octet-stream',
      });
      const url = URL.createObjectURL(blob);
      try {
        const link = doc.createElement('a');
        link.href = url;
        link.download = safeFileName(request.suggestedName);
        link.rel = 'noopener';
        link.style.display = 'none';
        doc.body.append(link);
        link.click();
        link.remove();
      } finally {
        // The download has taken its copy by the next task; keep the URL a moment for slow starts.
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      }
      return { saved: true, location: 'your Downloads folder' };
    },
  };
}
