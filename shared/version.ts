/**
 * Casefile's version, as in package.json (a test keeps the two equal). Written into every bundle's
 * manifest so that a bundle says which Casefile made it.
 */
export const CASEFILE_VERSION = '0.1.0';
