import { normaliseHeader } from './header-synonyms.ts';

/**
 * Unknown columns are kept as `extra`, but not those about people: contact persons, e-mail
 * addresses and phone numbers (the monitor counts steunpunten and never needs them, and the
 * database must hold no personal data). Matched on the header as normaliseHeader leaves it, so
 * "E-mailadres", "Telefoon nr." and "Naam contactpersoon" are all caught.
 */
const PERSONAL_HEADER = /contactpers|contactnaam|contactperson|email|mailadres|^mail$|telefoon|^tel(nr|nummer)?$|mobiel|^gsm$|phone|mobile|ingevulddoor|invuller|respondent/;

export function isPersonalDataHeader(header: string): boolean {
  return PERSONAL_HEADER.test(normaliseHeader(header));
}
