/** A bundle refused, or an export that cannot be made, for a reason written for the reporter. */
export class BundleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BundleError';
  }
}

/** The reporter cancelled. */
export class BundleCancelled extends Error {
  constructor() {
    super('Cancelled.');
    this.name = 'BundleCancelled';
  }
}

/** What a long bundle job is doing, for a progress bar. */
export interface BundleProgress {
  /** A few words: "Checking the originals". */
  stage: string;
  /** Work done and to do, in bytes (or records where bytes are unknown). */
  done: number;
  total: number;
}
