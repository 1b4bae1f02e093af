/**
 * A pand's address as lists show it, built in SQL: "Kerkstraat 12A, Helmond" (with the postcode
 * in the verslag). The one home of the format (issue 12); the address is the pand's, never a person's.
 */
import { sql } from 'drizzle-orm';
import { cases } from '../../db/schema';

/** "Kerkstraat 12A": street, number and addition. */
export const streetAndNumber = sql<string>`${cases.street} || ' ' || ${cases.houseNumber} || coalesce(${cases.houseNumberAddition}, '')`;

/** "Kerkstraat 12A, Helmond". */
export const caseAddress = sql<string>`${streetAndNumber} || ', ' || ${cases.city}`;

/** The same for a left-joined casus: null when there is none. */
export const optionalCaseAddress = sql<string | null>`case when ${cases.id} is null then null else ${caseAddress} end`;

/** "Kerkstraat 12A, 5701 AB Helmond": with the postcode, as the verslag prints it. */
export const fullCaseAddress = sql<string>`${streetAndNumber} || ', ' || ${cases.postcode} || ' ' || ${cases.city}`;
