// Changing a follow-up on the version it was read at, in both front-ends: the If-Match update and the notice that names
// a colleague's change in between. Its own entry, apart from @crm/common/web/versioned-edit, whose index would bring the
// lazily loaded opportunity form into the tabs' first download (they list follow-ups on their first screen).
export * from './components/TaskChangedNotice';
export * from './hooks/use-task-update';
