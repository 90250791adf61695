"""The dashboard's user roles, each allowed what the ones before it are and more: a viewer reads and
exports, an analyst also annotates and adds sources, an admin also merges speakers and edits topics
(claims.store.users.can). Apart from the store so that the CLI can offer them without loading it."""

USER_ROLES = ("viewer", "analyst", "admin")
