/**
 * Everything the renderer needs from the desktop, behind one interface. In Electron it is the
 * preload's bridge; in a plain browser it is done with what a web page may do. Nothing else in the
 * renderer knows which of the two it runs in.
 */
export interface Host {
  /** 'electron' in the desktop app, 'browser' in the web fallback. */
  readonly kind: 'electron' | 'browser';
  /**
   * Saves bytes to a file the user chooses: a native save dialog in Electron, a download in the
   * browser. `saved` is false when the user cancelled.
   */
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
}

export interface SaveFileRequest {
  suggestedName: string;
  mediaType: string;
  data: Uint8Array;
}

export interface SaveFileResult {
  saved: boolean;
  /** Where the file went, when the host knows (a path in Electron). */
  location?: string;
}

/** A host call that failed for a reason the user should read. */
export class HostError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HostError';
  }
}
