/**
 * Page sizes the server and the client share (issue 12): a list answers one page at a time, and
 * the client knows a full page means there may be more.
 */

/** "Mijn taken": tasks per page. A partner's open work can run into hundreds of tasks. */
export const MY_TASKS_PAGE = 50;
