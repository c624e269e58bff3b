// The UN regional group of each country (ISO 3166-1 alpha-2), to check the region a stakeholder gives
// against their country. The five groups are those the UN uses for elections: African, Asia-Pacific,
// Eastern European, Latin American and Caribbean (GRULAC), Western European and Others (WEOG).
// Notable members: Türkiye, Israel, Australia, New Zealand, Canada and the United States are in WEOG;
// Cyprus and Kazakhstan in Asia-Pacific; Estonia, Latvia and Lithuania in Eastern Europe. The State of
// Palestine (an observer state) takes part in the Asia-Pacific group.
//
// Every other code in lib/profile/countries.ts — territories (Puerto Rico, Greenland, Hong Kong, …),
// Taiwan, the Holy See (in no group), Antarctica — has no group of its own: any region is accepted for it,
// since a territory's people may reasonably see themselves in their own region or their administering
// state's. (Chosen over "follow the administering state", which would tell a Caribbean islander of a
// European state that they are in Western Europe.)
import type { UnRegion } from "@/lib/generated/prisma/enums";

const GROUPS: Record<UnRegion, string> = {
  AFRICA:
    "DZ AO BJ BW BF BI CV CM CF TD KM CG CD CI DJ EG GQ ER SZ ET GA GM GH GN GW KE LS LR LY MG MW ML MR MU MA " +
    "MZ NA NE NG RW ST SN SC SL SO ZA SS SD TZ TG TN UG ZM ZW",
  ASIA_PACIFIC:
    "AF BH BD BT BN KH CN CY KP FJ IN ID IR IQ JP JO KZ KI KW KG LA LB MY MV MH FM MN MM NR NP OM PK PW PG PH " +
    "QA KR WS SA SG SB LK SY TJ TH TL TO TM TV AE UZ VU VN YE PS",
  EASTERN_EUROPE: "AL AM AZ BY BA BG HR CZ EE GE HU LV LT ME MD MK PL RO RU RS SK SI UA",
  LATIN_AMERICA_CARIBBEAN: "AG AR BS BB BZ BO BR CL CO CR CU DM DO EC SV GD GT GY HT HN JM MX NI PA PY PE KN LC VC SR TT UY VE",
  WESTERN_EUROPE_OTHERS: "AD AT AU BE CA DK FI FR DE GR IS IE IL IT LI LU MT MC NL NZ NO PT SM ES SE CH TR GB US",
};

const REGION_OF = new Map<string, UnRegion>(
  (Object.entries(GROUPS) as [UnRegion, string][]).flatMap(([region, codes]) =>
    codes.split(" ").map((code) => [code, region] as const),
  ),
);

/** The UN regional group of a country, or null when it belongs to none (any region is then accepted). */
export function regionOfCountry(country: string): UnRegion | null {
  return REGION_OF.get(country.toUpperCase()) ?? null;
}

/** Whether `region` fits `country`: its UN regional group, or any region for a country in no group. */
export function regionFitsCountry(country: string, region: UnRegion): boolean {
  const expected = regionOfCountry(country);
  return expected === null || expected === region;
}

/** Every code with a group, for the tests (193 member states and Palestine). */
export const GROUPED_COUNTRIES: readonly string[] = [...REGION_OF.keys()];
