/**
 * The personal-data rule of every adapter: records carry organisation contact data only.
 *
 * - Contact persons' names are never read: no site description maps a field to them, and free
 *   text (descriptions, "over ons") is not copied, because it often names people.
 * - An e-mail address is kept only when it is a role mailbox: its local part begins with one of
 *   ROLE_MAILBOXES, alone or followed by ".", "-", "_" or "+" ("info@", "inloop-zwolle@"). Every
 *   other address ("anna@", "j.devries@") is treated as personal and dropped.
 * - A phone number is dropped when it is a Dutch mobile number (06…, +316…, 00316…), which in these
 *   lists belongs to a person; landlines and 085/088/0800/0900 numbers are organisation numbers.
 */

const ROLE_MAILBOXES: ReadonlySet<string> = new Set([
  'aanmelden',
  'aanmelding',
  'administratie',
  'algemeen',
  'bestuur',
  'communicatie',
  'contact',
  'hallo',
  'hello',
  'herstel',
  'hoi',
  'info',
  'informatie',
  'inloop',
  'kantoor',
  'mail',
  'office',
  'planning',
  'post',
  'receptie',
  'secretariaat',
  'secretaris',
  'steunpunt',
  'team',
  'vrijwilligers',
  'welkom',
]);

/** The address when it is an organisation's role mailbox, else undefined. Accepts "mailto:" links. */
export function organisationEmail(value: string | undefined): string | undefined {
  const address = value?.replace(/^mailto:/i, '').replace(/\?.*$/, '').trim().toLowerCase();
  const match = address === undefined ? null : /^([^@\s]+)@[^@\s]+\.[a-z]{2,}$/.exec(address);
  if (match === null || match[1] === undefined) return undefined;
  const firstPart = match[1].split(/[.\-_+]/)[0] ?? '';
  return ROLE_MAILBOXES.has(firstPart) ? address : undefined;
}

/** The number as written when it is not a mobile number, else undefined. Accepts "tel:" links. */
export function organisationPhone(value: string | undefined): string | undefined {
  const written = value?.replace(/^tel:/i, '').trim();
  if (written === undefined || written === '') return undefined;
  const digits = written.replace(/[^\d+]/g, '').replace(/^\+/, '00');
  const national = digits.startsWith('0031') ? `0${digits.slice(4)}` : digits;
  return national.startsWith('06') ? undefined : written;
}
