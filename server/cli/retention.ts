// art. 25 (P8) on demand: draws up each team's destruction list, like the daily run does.
//   npm run retention
// Nothing is erased here: the FG approves the list in the app (Privacy → Bewaartermijnen).
import { buildDeps } from '../app';
import { runRetention } from '../domain/retention';

const deps = buildDeps();
try {
  for (const { teamId, listId } of await runRetention(deps)) {
    console.log(
      listId ? `Team ${teamId}: vernietigingslijst ${listId} staat klaar voor de FG` : `Team ${teamId}: niets over de bewaartermijn`,
    );
  }
} finally {
  deps.db.$client.close();
}
