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
  /**
   * Starts saving a file too big to hold in one piece (a case bundle), written chunk by chunk: a
   * native save dialog and a temporary file in Electron, a download assembled from the chunks in a
   * browser. Resolves undefined when the user cancelled.
   */
  openSaveStream(request: SaveStreamRequest): Promise<SaveStream | undefined>;
}

export interface SaveStreamRequest {
  suggestedName: string;
  mediaType: string;
}

/** A file being saved in pieces. */
export interface SaveStream {
  /** Appends bytes (in order; wait for each before the next). */
  write(chunk: Uint8Array): Promise<void>;
  /** Finishes the file and says where it went. */
  close(): Promise<SaveFileResult>;
  /** Abandons it: nothing is left under the chosen name. */
  abort(): Promise<void>;
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
