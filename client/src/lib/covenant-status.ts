// When the covenant's standing may have changed in this tab: bumped after every covenant mutation,
// so the banner (components/CovenantBanner.tsx) refetches then and not on every page change.
import { createSignal } from 'solid-js';

const [version, setVersion] = createSignal(0);

export const covenantVersion = version;
export const covenantChanged = () => setVersion((v) => v + 1);
