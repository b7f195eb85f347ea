/**
 * A place or postcode that does not lie in the municipality a list wrote ("Sociale inloop
 * Feanwâlden, gemeente Dantumadiel", while the PC4 table puts Feanwâlden in Tytsjerksteradiel).
 * It does not change the resolution (the order of evidence in municipality-resolver.ts decides,
 * the same way every year); it is a data-quality signal a person can check, and the identity of
 * a location across years does not depend on it (pipeline/dedupe/identities.ts).
 *
 * Each field is resolved on its own with the resolver's own rules, so "lies in" means exactly
 * what resolving that field alone would give: a place that can mean several municipalities
 * (Bergen, Hengelo) is never said to lie outside.
 */
import type { LocationInput, MunicipalityResolver } from './municipality-resolver.ts';

/** The signal's fixed opening, as locaties.csv, the workbook and the report show it. */
export const PLACE_OUTSIDE_SIGNAL = 'plaats ligt niet in gemeente';

export function placeOutsideMunicipality(resolver: MunicipalityResolver, input: LocationInput): string[] {
  const writtenCode = given(input.gmCode);
  const writtenName = given(input.municipality);
  const byCode = writtenCode === undefined ? undefined : resolvedCode(resolver, { gmCode: writtenCode });
  const municipality = byCode ?? (writtenName === undefined ? undefined : resolvedCode(resolver, { municipality: writtenName }));
  if (municipality === undefined) return [];
  const shown = byCode === undefined ? (writtenName ?? municipality.name) : (writtenCode ?? municipality.name);

  const place = given(input.place);
  const postcode = given(input.postcode);
  const evidence = [
    place === undefined ? undefined : { what: place, where: resolvedCode(resolver, { place }) },
    postcode === undefined ? undefined : { what: `postcode ${postcode}`, where: resolvedCode(resolver, { postcode }) },
  ];
  return evidence.flatMap((item) =>
    item?.where !== undefined && item.where.gmCode !== municipality.gmCode
      ? [`${PLACE_OUTSIDE_SIGNAL}: ${item.what} ligt in ${item.where.name}, niet in de opgegeven gemeente ${shown}`]
      : [],
  );
}

function resolvedCode(resolver: MunicipalityResolver, input: LocationInput): { gmCode: string; name: string } | undefined {
  const resolution = resolver.resolve(input);
  return resolution.kind === 'resolved' ? { gmCode: resolution.gmCode, name: resolution.municipalityName } : undefined;
}

function given(value: string | undefined): string | undefined {
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
