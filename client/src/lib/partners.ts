// Partners as choices in a select. A native select jumps by the first letters of an option, and
// every gemeente's name starts with "Gemeente": the distinctive word goes first ("Helmond
// (Gemeente Helmond)"), so typing "hel" or "pol" finds the partner.
export function partnerOption(p: { id: number; name: string; shortName: string }): { value: number; label: string } {
  return { value: p.id, label: p.shortName && p.shortName !== p.name ? `${p.shortName} (${p.name})` : p.name };
}
