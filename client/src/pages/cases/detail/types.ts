// The shapes the casus page's parts share: the casus as cases.get returns it, a partner, and the
// callback by which a part tells the page it changed something (an optional message to show).
import type { api } from '../../../lib/trpc';

export type Casus = Awaited<ReturnType<typeof api.cases.get.query>>;
export type Partner = Awaited<ReturnType<typeof api.partners.list.query>>[number];
export type OnChange = (message?: string) => void;
