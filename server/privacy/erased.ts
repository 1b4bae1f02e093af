/**
 * The one rendering of an erased personal data item (art. 25 retention, BIT art. 6.7 erasure):
 * the item row stays without its value, and every view — screen, verslag, exports — shows this
 * marker where the value was, so a reader sees that a person was there but nothing about them.
 */
export const erasedMarker = '[verwijderd]';
