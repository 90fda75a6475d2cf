/**
 * Finds metadata in a file that could identify the person who made it or handed it over: where a
 * photo was taken, the serial number of the camera or phone, the name of a document's author. A
 * reporter must know before sharing a file (or an export of the case) that it carries these.
 */

/** The start of the warning a source carries when its metadata could identify someone. */
export const IDENTIFYING_METADATA_WARNING = 'This file carries identifying metadata';

/** One identifying thing found, in words a reporter can read, and where it was found. */
export interface IdentifyingItem {
  kind: 'location' | 'device-serial' | 'author' | 'owner' | 'device';
  label: string;
  value: string;
  field: string;
}

const SERIAL_FIELDS = [
  'SerialNumber',
  'BodySerialNumber',
  'CameraSerialNumber',
  'LensSerialNumber',
  'InternalSerialNumber',
  'ImageUniqueID',
];
const AUTHOR_FIELDS = ['Artist', 'Author', 'creator', 'Creator', 'XPAuthor', 'By-line', 'lastModifiedBy', 'LastModifiedBy'];
const OWNER_FIELDS = ['OwnerName', 'CameraOwnerName', 'Copyright', 'rights'];

function asText(value: unknown): string | undefined {
  if (value == null) return undefined;
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (Array.isArray(value)) {
    const parts = value.map(asText).filter((part): part is string => Boolean(part));
    return parts.length ? parts.join(', ') : undefined;
  }
  if (typeof value === 'object') {
    // XMP language alternatives: { lang: 'x-default', value: '...' } or { 'x-default': '...' }.
    const record = value as Record<string, unknown>;
    return asText(record.value ?? record['x-default']);
  }
  return undefined;
}

/**
 * What in a flat metadata record (EXIF/XMP tags as exifr returns them, or a document's
 * properties) could identify someone. GPS coordinates count only when both are numbers.
 */
export function findIdentifyingMetadata(metadata: Record<string, unknown>): IdentifyingItem[] {
  const items: IdentifyingItem[] = [];
  const lat = metadata.latitude ?? metadata.GPSLatitude;
  const lon = metadata.longitude ?? metadata.GPSLongitude;
  if (typeof lat === 'number' && typeof lon === 'number' && Number.isFinite(lat) && Number.isFinite(lon)) {
    items.push({
      kind: 'location',
      label: 'GPS coordinates',
      value: `${lat.toFixed(5)}, ${lon.toFixed(5)}`,
      field: 'GPS',
    });
  } else if (Array.isArray(lat) && Array.isArray(lon)) {
    items.push({ kind: 'location', label: 'GPS coordinates', value: `${asText(lat)} / ${asText(lon)}`, field: 'GPS' });
  }
  const seen = new Set<string>();
  const add = (kind: IdentifyingItem['kind'], label: string, fields: string[]) => {
    for (const field of fields) {
      const value = asText(metadata[field]);
      if (!value || seen.has(`${kind}:${value}`)) continue;
      seen.add(`${kind}:${value}`);
      items.push({ kind, label, value: value.slice(0, 200), field });
    }
  };
  add('device-serial', 'Device serial number', SERIAL_FIELDS);
  add('author', 'Author name', AUTHOR_FIELDS);
  add('owner', 'Owner name', OWNER_FIELDS);
  return items;
}

/** The warning sentence for a source whose metadata identifies someone, or undefined. */
export function identifyingMetadataWarning(items: readonly IdentifyingItem[]): string | undefined {
  if (items.length === 0) return undefined;
  const labels = [...new Set(items.map((item) => item.label.toLowerCase()))];
  return `${IDENTIFYING_METADATA_WARNING} (${labels.join(', ')}). It could point to whoever made or passed on the file: check before sharing the original or an export of this case.`;
}
